"""The secretariat's people pages (issue 13). Everyone else gets a 404."""

from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import require_secretariat
from organisations.models import Membership
from socialaftale.lib.edits import StaleEdit, keep_typed
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services
from .forms import DetailsForm, InviteForm, PersonFilterForm, RoleFields
from .selectors import history, people
from .tables import people_table

User = get_user_model()
PAGE_SIZE = 50


def _person(request, pk):
    require_secretariat(request.user)
    return get_object_or_404(User, pk=pk)


def _errors(form, refused: ValidationError) -> None:
    if hasattr(refused, "error_dict"):
        for field, errors in refused.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, refused)


@login_required
@require_GET
def person_list(request):
    require_secretariat(request.user)
    filters = PersonFilterForm(request.GET or None)
    users = people(filters.cleaned_data if filters.is_valid() else {})
    if fmt := requested_format(request):
        return tables_download("personer", fmt, [people_table(users)])
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"filters": filters, "page": page, "table": people_table(page.object_list)}
    context["people"] = list(zip(page.object_list, context["table"].rows, strict=True))
    return render(request, "people/person_list.html", context)


def _send(request, user, send=services.send_invitation) -> bool:
    try:
        send(user, request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return False
    except (SMTPException, OSError):
        messages.error(
            request,
            _("The invitation could not be sent to %(email)s. Check the address and send it again.")
            % {"email": user.email},
        )
        return False
    messages.success(
        request, _("The invitation has been sent to %(email)s.") % {"email": user.email}
    )
    return True


def _invite_initial(query) -> dict:
    """A link from elsewhere may name the role and its unit or body (e.g. a unit the
    portal's e-mails cannot reach: ?role=reporter&unit=<id>)."""
    return {k: query[k] for k in ("role", "unit", "body", "organisation") if query.get(k, "")[:20]}


@login_required
def person_invite(request):
    require_secretariat(request.user)
    form = InviteForm(request.POST or None, initial=_invite_initial(request.GET))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite(
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                workplace=data["workplace"],
                actor=request.user,
                **{k: v for k, v in form.role_values().items()},
            )
        except ValidationError as refused:
            _errors(form, refused)
        else:
            _send(request, user)
            return redirect("people:detail", pk=user.pk)
    return render(request, "people/person_invite.html", {"form": form})


def _detail(request, person, details=None, role_form=None, status=200):
    role_form = role_form or RoleFields()
    role_form.helper.form_action = reverse("people:role_add", args=[person.pk])
    memberships = Membership.objects.filter(user=person).select_related(
        "unit__organisation", "organisation"
    )
    context = {
        "person": person,
        "details": details
        or DetailsForm(
            initial={
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email,
                "edit_token": services.details_token(person),
            }
        ),
        "role_form": role_form,
        "memberships": memberships,
        "history": history(person),
        "is_self": person.pk == request.user.pk,
        "never_logged_in": person.last_login is None,
    }
    return render(request, "people/person_detail.html", context, status=status)


@login_required
def person_detail(request, pk):
    person = _person(request, pk)
    if request.method != "POST":
        return _detail(request, person)
    form = DetailsForm(request.POST)
    if not form.is_valid():
        return _detail(request, person, details=form, status=400)
    values = {k: form.cleaned_data[k] for k in services.DETAILS}
    try:
        services.update_details(
            user=person,
            actor=request.user,
            expected_token=form.cleaned_data["edit_token"],
            **values,
        )
    except StaleEdit:
        keep_typed(form, services.details_token(User.objects.get(pk=pk)))
        return _detail(request, person, details=form, status=409)
    except ValidationError as refused:
        _errors(form, refused)
        return _detail(request, person, details=form, status=400)
    messages.success(request, _("The details have been saved."))
    return redirect("people:detail", pk=pk)


@login_required
@require_POST
def role_add(request, pk):
    person = _person(request, pk)
    form = RoleFields(request.POST)
    if form.is_valid():
        try:
            services.add_role(user=person, actor=request.user, **form.role_values())
        except ValidationError as refused:
            _errors(form, refused)
        else:
            messages.success(request, _("The role has been given."))
            return redirect("people:detail", pk=pk)
    return _detail(request, person, role_form=form, status=400)


@login_required
@require_POST
def role_withdraw(request, pk, membership):
    person = _person(request, pk)
    membership = get_object_or_404(Membership, pk=membership, user=person)
    try:
        services.withdraw_role(membership=membership, actor=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The role has been withdrawn."))
    return redirect("people:detail", pk=pk)


@login_required
@require_POST
def person_active(request, pk):
    person = _person(request, pk)
    active = request.POST.get("active") == "ja"
    try:
        services.set_active(user=person, active=active, actor=request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(
            request,
            _("The person has been reactivated.")
            if active
            else _("The person has been deactivated."),
        )
    return redirect("people:detail", pk=pk)


@login_required
@require_POST
def invitation_resend(request, pk):
    person = _person(request, pk)
    _send(request, person, send=services.resend_invitation)
    return redirect("people:detail", pk=pk)
