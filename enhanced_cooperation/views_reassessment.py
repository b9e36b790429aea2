"""The re-assessment before a new period (SPEC §6): the secretariat opens the round in the
first half of the period's last year; the operator answers per member over as many sittings
as it needs and hands in through the round engine; the expert panel reads what was handed
in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from organisations.access import roles_for
from socialaftale.lib.edits import StaleEdit, keep_typed
from submissions import services as rounds
from submissions.models import RoundKind, Submission, SubmissionStatus

from . import reassessment as answers
from . import services_round
from .access import is_panel, may_write_report, require_manager
from .forms_reassessment import ReassessmentForm, ReassessmentOpenForm
from .models import Criterion
from .reports import report_key
from .selectors import members_of_submission


@login_required
def reassessment_open(request):
    require_manager(request.user)
    form = ReassessmentOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reporting_round = services_round.reassessment_round_open(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The re-assessment is open and the operators are told."))
            return redirect("submissions:round", reporting_round.pk)
    return render(request, "enhanced_cooperation/reassessment/open.html", {"form": form})


def _submission(user, pk: int) -> tuple[Submission, bool]:
    """The re-assessment submission and whether the user writes it; 404 for anyone who may
    neither write it nor read it (the panel reads what was handed in)."""
    submission = get_object_or_404(
        Submission.objects.select_related("round", "unit__organisation"),
        pk=pk,
        round__kind=RoundKind.REASSESSMENT,
    )
    roles = roles_for(user)
    writes = roles.is_secretariat or submission.unit.organisation_id in set(
        roles.operator_organisation_ids
    )
    handed_in = submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
    if not (writes or (is_panel(user) and handed_in)):
        raise Http404
    return submission, writes


def _said(value: str) -> str:
    return {"yes": _("Yes"), "no": _("No")}.get(value, _("Not answered"))


def _rows(submission) -> list[dict]:
    rows = []
    for member in members_of_submission(submission):
        answer = answers.answer_of(submission.answers, member.pk)
        rows.append(
            {
                "member": member,
                "criteria": [
                    (label, _said(answer[code]["meets"]), answer[code]["why"])
                    for code, label in Criterion.choices
                ],
                "continues": _said(answer["continue"]),
                "comment": answer["comment"],
                "missing": answers.missing_fields(answer),
                "edit_url": reverse(
                    "enhanced_cooperation:reassessment_member", args=[submission.pk, member.pk]
                ),
            }
        )
    return rows


@login_required
def reassessment_overview(request, pk):
    submission, writes = _submission(request.user, pk)
    rows = _rows(submission)
    return render(
        request,
        "enhanced_cooperation/reassessment/overview.html",
        {
            "submission": submission,
            "rows": rows,
            "may_edit": writes and submission.is_editable,
            "may_hand_in": writes
            and submission.is_editable
            and not any(r["missing"] for r in rows),
        },
    )


@login_required
def reassessment_member(request, pk, member_pk):
    submission, writes = _submission(request.user, pk)
    member = get_object_or_404(members_of_submission(submission), pk=member_pk)
    if not (writes and submission.is_editable and may_write_report(request.user, member)):
        raise Http404
    key = report_key(member.pk)
    answer = answers.answer_of(submission.answers, member.pk)
    initial = {**ReassessmentForm.initial_of(answer), "token": rounds.part_token(submission, key)}
    form = ReassessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            rounds.submission_save_part(
                submission=submission,
                key=key,
                value=form.answer(),
                user=request.user,
                expected_token=form.cleaned_data["token"],
            )
        except StaleEdit:
            keep_typed(form, rounds.part_token(Submission.objects.get(pk=pk), key))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("enhanced_cooperation:reassessment", submission.pk)
    return render(
        request,
        "enhanced_cooperation/reassessment/member_form.html",
        {"submission": submission, "member": member, "form": form},
    )
