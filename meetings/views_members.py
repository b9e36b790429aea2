"""The bodies and their members, for the secretariat (issue 13); everyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import require_secretariat
from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_members as services
from .forms_members import BodyMemberForm, EndMembershipForm
from .models import Body, BodyMember
from .tables import member_table


@login_required
@require_GET
def body_list(request):
    require_secretariat(request.user)
    today = timezone.localdate()
    current = (Q(members__starts_on__isnull=True) | Q(members__starts_on__lte=today)) & (
        Q(members__ends_on__isnull=True) | Q(members__ends_on__gte=today)
    )
    bodies = Body.objects.annotate(current=Count("members", filter=current)).order_by("name")
    return render(request, "meetings/body_list.html", {"bodies": bodies})


def _values(form) -> dict:
    values = dict(form.cleaned_data)
    values.pop(TOKEN_NAME, None)
    return values


@login_required
def body_detail(request, code):
    """The body's current and former members, and a form to add one."""
    require_secretariat(request.user)
    body = get_object_or_404(Body, code=code)
    form = BodyMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_add(body=body, **_values(form))
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The member has been added."))
            return redirect("meetings:body", code=code)
    members = list(body.members.select_related("user").order_by("name", "pk"))
    current_ids = set(body.members.current().values_list("pk", flat=True))
    if fmt := requested_format(request):
        return tables_download(f"medlemmer-{code}", fmt, [member_table(body, members)])
    context = {
        "body": body,
        "form": form,
        "current": [m for m in members if m.pk in current_ids],
        "former": [m for m in members if m.pk not in current_ids],
        "table": member_table(body, members),
    }
    return render(request, "meetings/body_detail.html", context, status=400 if form.errors else 200)


@login_required
def body_member(request, pk):
    require_secretariat(request.user)
    member = get_object_or_404(BodyMember.objects.select_related("body", "user"), pk=pk)
    form = BodyMemberForm(request.POST or None, instance=member)
    status = 200
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data.get(TOKEN_NAME, "")
        try:
            services.member_update(member=member, expected_token=token, **_values(form))
        except StaleEdit:
            form.refuse_stale()
            status = 409
        except ValidationError as refused:
            form.add_error(None, refused)
            status = 400
        else:
            messages.success(request, _("The member has been saved."))
            return redirect("meetings:body", code=member.body.code)
    return _member_page(request, member, form, EndMembershipForm(), status)


def _member_page(request, member, form, end_form, status=200):
    context = {"member": member, "form": form, "end_form": end_form}
    return render(request, "meetings/body_member.html", context, status=status)


@login_required
@require_POST
def body_member_end(request, pk):
    """The seat ends on the day given (yesterday when none is); a date before the seat began is
    named on the member's page."""
    require_secretariat(request.user)
    member = get_object_or_404(BodyMember.objects.select_related("body", "user"), pk=pk)
    end_form = EndMembershipForm(request.POST)
    if end_form.is_valid():
        try:
            ended = services.member_end(member=member, ends_on=end_form.cleaned_data["ends_on"])
        except ValidationError as refused:
            end_form.add_error(None, refused)
        else:
            text = (
                _("The membership of %(name)s has ended.")
                if ended
                else _("The seat of %(name)s had not begun and has been withdrawn.")
            )
            messages.success(request, text % {"name": member.name})
            return redirect("meetings:body", code=member.body.code)
    return _member_page(request, member, BodyMemberForm(instance=member), end_form, status=400)
