"""The members of the enhanced cooperation (public), their periods, and exits (issue 14,
SPEC §6). The secretariat keeps members and periods; an operator gives notice of leaving
for its own members; DAS's decision on an exit ends the membership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_members as services
from .access import (
    get_exit_for_manager,
    get_member,
    may_assess,
    may_manage,
    notice_giver,
    require_manager,
)
from .forms_members import ExitDecisionForm, ExitNoticeForm, MemberForm, PeriodForm
from .hub import hub_links
from .member_links import joint_action_context, member_reports
from .models import ExitStatus, Period
from .selectors_members import default_period, member_exit, member_history, members_of
from .tables.members import member_status, member_table


def _values(form) -> tuple[str, dict]:
    values = dict(form.cleaned_data)
    return values.pop(TOKEN_NAME, ""), values


def _chosen_period(request, periods):
    key = request.GET.get("periode", "")
    chosen = next((p for p in periods if key.isdigit() and str(p.pk) == key), None)
    return chosen or default_period(periods)


@require_GET
def member_list(request):
    periods = list(Period.objects.order_by("-start_year"))
    period = _chosen_period(request, periods)
    members = list(members_of(period)) if period else []
    table = member_table(period, members) if period else None
    if table and (fmt := requested_format(request)):
        return tables_download(f"medlemmer-{period.slug}", fmt, [table])
    for member in members:
        member.status_label = member_status(member)
    context = {
        "periods": periods,
        "period": period,
        "members": members,
        "table": table,
        "may_manage": may_manage(request.user),
        "hub_links": hub_links(request.user),
    }
    return render(request, "enhanced_cooperation/members/member_list.html", context)


def _exit_context(user, member) -> dict:
    exit_ = member_exit(member)
    open_exit = exit_ is not None and exit_.status == ExitStatus.NOTICED
    may_notice, _giver = notice_giver(user, member)
    can_notice = (
        may_notice
        and member.ends_on is None
        and (exit_ is None or exit_.status == ExitStatus.WITHDRAWN)
    )
    return {
        "exit": exit_ if exit_ is not None and exit_.status != ExitStatus.WITHDRAWN else None,
        "exit_open": open_exit,
        "exit_decided": exit_ is not None and exit_.status == ExitStatus.DECIDED,
        "exit_by_das": exit_ is not None and exit_.given_by_id is None,
        "may_decide_exit": open_exit and may_manage(user),
        "exit_token": services.exit_token(exit_) if open_exit else "",
        "exit_form": ExitNoticeForm() if can_notice else None,
    }


@require_GET
def member_detail(request, pk):
    member = get_member(pk)
    context = {
        "member": member,
        "criteria": member.criteria(),
        "rights_and_duties": member.period.rights_and_duties_lines,
        "history": member_history(member),
        "may_manage": may_manage(request.user),
        "shows_reports": may_assess(request.user),
        "round_reports": member_reports(request.user, member),
        **_exit_context(request.user, member),
        **joint_action_context(request.user, member),
    }
    return render(request, "enhanced_cooperation/members/member_detail.html", context)


def _form_page(request, form, title, status=200, back=None):
    context = {"form": form, "title": title, "back": back}
    return render(request, "enhanced_cooperation/members/form.html", context, status=status)


def _refused(form, refused: ValidationError) -> None:
    if hasattr(refused, "error_dict"):
        for field, errors in refused.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, refused)


def _edit_page(request, form, title, write, back=None):
    """GET: the form; POST: write(token, values), a service call, and go to what was
    saved, or the form again with what was typed (400 refused, 409 stale)."""
    if request.method != "POST":
        return _form_page(request, form, title, back=back)
    if not form.is_valid():
        return _form_page(request, form, title, status=400, back=back)
    token, values = _values(form)
    try:
        saved = write(token, values)
    except StaleEdit:
        form.refuse_stale()
        return _form_page(request, form, title, status=409, back=back)
    except ValidationError as refused:
        _refused(form, refused)
        return _form_page(request, form, title, status=400, back=back)
    messages.success(request, _("Saved."))
    return redirect(saved)


@login_required
def member_create(request):
    require_manager(request.user)
    form = MemberForm(request.POST or None)
    write = lambda token, values: services.member_save(**values)  # noqa: E731
    return _edit_page(request, form, _("New member"), write)


@login_required
def member_edit(request, pk):
    require_manager(request.user)
    member = get_member(pk)
    form = MemberForm(request.POST or None, instance=member)

    def write(token, values):
        return services.member_save(member=member, expected_token=token, **values)

    return _edit_page(request, form, _("Edit the member"), write, back=member)


def _period_url(period) -> str:
    return f"{reverse('enhanced_cooperation:members')}?periode={period.pk}"


@login_required
def period_create(request):
    require_manager(request.user)
    form = PeriodForm(request.POST or None)
    write = lambda token, values: _period_url(services.period_save(**values))  # noqa: E731
    return _edit_page(request, form, _("New period"), write)


@login_required
def period_edit(request, pk):
    require_manager(request.user)
    period = get_object_or_404(Period, pk=pk)
    form = PeriodForm(request.POST or None, instance=period)

    def write(token, values):
        return _period_url(services.period_save(period=period, expected_token=token, **values))

    return _edit_page(request, form, _("Edit the period"), write)


@login_required
def exit_notice(request, pk):
    """Notice of leaving: an operator of the member's offers, or the secretariat for DAS."""
    member = get_member(pk)
    may_notice, giver = notice_giver(request.user, member)
    if not may_notice:
        raise Http404
    form = ExitNoticeForm(request.POST or None)

    def write(token, values):
        services.exit_notice(member=member, given_by=giver, **values)
        return member

    return _edit_page(request, form, _("Give notice of leaving"), write, back=member)


@login_required
def exit_decide(request, pk):
    """DAS's decision, recorded by the secretariat with the October tariff appendix."""
    exit_ = get_exit_for_manager(request.user, pk)
    if exit_.status != ExitStatus.NOTICED:
        raise Http404
    form = ExitDecisionForm(request.POST or None, instance=exit_)

    def write(token, values):
        return services.exit_decide(exit=exit_, expected_token=token, **values).member

    title = _("The decision on leaving: %(member)s") % {"member": exit_.member.name}
    return _edit_page(request, form, title, write, back=exit_.member)


@login_required
@require_POST
def exit_withdraw(request, pk):
    exit_ = get_exit_for_manager(request.user, pk)
    try:
        services.exit_withdraw(exit=exit_, expected_token=request.POST.get(TOKEN_NAME, ""))
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The notice of leaving has been withdrawn."))
    return redirect(exit_.member)
