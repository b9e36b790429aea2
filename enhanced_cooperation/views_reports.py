"""The operator's pages of the year's round (issue 14, SPEC §6): the overview of one
submission (each member's report, what is missing, the engine's hand-in button) and the form
of one member's annual report, saved as a draft over as many sittings as needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit, keep_typed
from submissions.models import RoundStatus
from submissions.services import part_token

from . import services_reports
from .access import get_report_submission, get_submission_member, may_write_report
from .forms_reports import ReportForm, initial_of
from .reports import report_key, report_of
from .selectors_reports import latest_version, submission_reports


def is_writable(submission) -> bool:
    return submission.is_editable and submission.round.status == RoundStatus.OPEN


@login_required
@require_GET
def reports(request, pk):
    submission = get_report_submission(request.user, pk)
    rows = submission_reports(submission)
    writable = is_writable(submission)
    context = {
        "submission": submission,
        "reporting_round": submission.round,
        "rows": rows,
        "writable": writable,
        "missing_any": any(row.missing for row in rows),
        "can_hand_in": writable and bool(rows),
        "version": latest_version(submission),
        "show_reopen_reason": writable and bool(submission.reopen_reason),
    }
    return render(request, "enhanced_cooperation/reports/overview.html", context)


@login_required
def report_edit(request, pk, member_pk):
    submission = get_report_submission(request.user, pk)
    member = get_submission_member(submission, member_pk)
    if not may_write_report(request.user, member):
        raise Http404
    if not is_writable(submission):
        if request.method == "POST":
            messages.error(request, _("The submission has been handed in and cannot be changed."))
        return redirect("enhanced_cooperation:report", pk=submission.pk, member_pk=member.pk)
    key = report_key(member.pk)
    form = ReportForm(
        request.POST or None,
        initial=initial_of(report_of(submission.answers, member.pk)),
        token=part_token(submission, key),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services_reports.report_save(
                    submission=submission,
                    member=member,
                    report=form.report(),
                    user=request.user,
                    expected_token=form.cleaned_data.get(TOKEN_NAME, ""),
                )
            except StaleEdit:  # what was typed is shown again, with the current token
                submission.refresh_from_db()
                keep_typed(form, part_token(submission, key))
                status = 409
            except ValidationError as refused:
                for message in refused.messages:
                    messages.error(request, message)
                return redirect("enhanced_cooperation:reports", pk=submission.pk)
            else:
                return _after_save(request, submission, member)
    context = {"submission": submission, "member": member, "form": form}
    return render(request, "enhanced_cooperation/reports/edit.html", context, status=status)


def _after_save(request, submission, member):
    messages.success(
        request, _("The draft has been saved %(time)s.") % {"time": f"{timezone.localtime():%H:%M}"}
    )
    if request.POST.get("goto") == "stay":
        return redirect("enhanced_cooperation:report_edit", pk=submission.pk, member_pk=member.pk)
    return redirect("enhanced_cooperation:reports", pk=submission.pk)
