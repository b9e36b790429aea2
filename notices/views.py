"""Change notices (issue 13, SPEC §1): the list with breaches flagged, recording and editing a
notice, the register's changes without notice, and the development plans of large offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from organisations.access import require_secretariat
from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services
from .access import (
    can_edit_notice,
    can_record,
    get_notice_for_user,
    plan_offers,
    recordable_offers,
    require_recorder,
    visible_notices,
)
from .filters import NoticeFilter
from .forms import NoticeForm, PlanForm
from .selectors import large_offers, months_ago, unnoticed_changes
from .tables import notice_table, plan_table, unnoticed_table

PAGE_SIZE = 50
DEFAULT_MONTHS = 12


def _values(form) -> dict:
    values = dict(form.cleaned_data)
    values.pop(TOKEN_NAME, None)
    return values


@login_required
@require_GET
def notice_list(request):
    notices = visible_notices(request.user).select_related("offer", "party")
    found = NoticeFilter(request.GET, queryset=notices)
    rows = found.qs if found.is_valid() else notices.none()
    if fmt := requested_format(request):
        return tables_download("aendringer", fmt, [notice_table(rows)])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {
        "filter": found,
        "page": page,
        "table": notice_table(page.object_list),
        "notices": page.object_list,
        "can_record": can_record(request.user),
        "sees_unnoticed": can_edit_notice(request.user),
    }
    return render(request, "notices/notice_list.html", context)


def _show_form(request, form, status=200):
    return render(request, "notices/notice_form.html", {"form": form}, status=status)


@login_required
def notice_create(request):
    require_recorder(request.user)
    offers = recordable_offers(request.user)
    initial = (
        {"offer": request.GET.get("tilbud")} if request.GET.get("tilbud", "").isdigit() else {}
    )
    form = NoticeForm(request.POST or None, offers=offers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.record_notice(user=request.user, **_values(form))
        except ValidationError as refused:
            form.add_error(None, refused)
            return _show_form(request, form, status=400)
        messages.success(request, _("The change notice has been recorded."))
        return redirect(notice)
    return _show_form(request, form)


@login_required
def notice_detail(request, pk):
    notice = get_notice_for_user(request.user, pk)
    may_edit = can_edit_notice(request.user)
    form = NoticeForm(request.POST or None, instance=notice) if may_edit else None
    if request.method == "POST":
        if form is None:  # readers only read
            raise Http404
        if form.is_valid():
            token = form.cleaned_data.get(TOKEN_NAME, "")
            try:
                services.update_notice(
                    notice=notice, user=request.user, expected_token=token, **_values(form)
                )
            except StaleEdit:
                form.refuse_stale()
                return _detail(request, notice, form, status=409)
            except ValidationError as refused:
                form.add_error(None, refused)
                return _detail(request, notice, form, status=400)
            messages.success(request, _("The change notice has been saved."))
            return redirect(notice)
        return _detail(request, notice, form, status=400)
    return _detail(request, notice, form)


def _detail(request, notice, form, status=200):
    if status != 200:  # the form keeps what was typed; the page above it shows what is stored
        notice.refresh_from_db()
    context = {"notice": notice, "form": form}
    return render(request, "notices/notice_detail.html", context, status=status)


@login_required
@require_GET
def unnoticed(request):
    """The register's major changes in the last N months without a notice of their kind."""
    require_secretariat(request.user)
    value = request.GET.get("maaneder", "")
    months = int(value) if value.isdigit() and 1 <= int(value) <= 120 else DEFAULT_MONTHS
    since = months_ago(timezone.localdate(), months)
    table = unnoticed_table(unnoticed_changes(since))
    if fmt := requested_format(request):
        return tables_download("uden-varsel", fmt, [table])
    context = {"table": table, "months": months, "since": since}
    return render(request, "notices/unnoticed.html", context)


@login_required
def plans(request):
    """Offers with more than 100 places and whether their plan for this year is recorded; the
    secretariat and the operators record a plan or follow-up here."""
    year = timezone.localdate().year
    offers = list(large_offers(plan_offers(request.user), year).select_related("operator"))
    may_record = can_record(request.user)
    form = None
    if may_record:
        own = large_offers(recordable_offers(request.user), year)
        form = PlanForm(request.POST or None, offers=own, initial={"year": year})
    if request.method == "POST":
        if form is None:  # readers only read
            raise Http404
        if form.is_valid():
            try:
                services.record_plan(user=request.user, **form.cleaned_data)
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("The development plan has been recorded."))
                return redirect("notices:plans")
    table = plan_table(offers, year)
    if fmt := requested_format(request):
        return tables_download("udviklingsplaner", fmt, [table])
    context = {"table": table, "offers": offers, "year": year, "form": form}
    status = 400 if form is not None and form.errors else 200
    return render(request, "notices/plans.html", context, status=status)
