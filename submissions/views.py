import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from offers.models import Offer
from organisations.access import require_secretariat, roles_for
from socialaftale.lib import plausibility
from socialaftale.lib.delivery import report_to
from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import confirm, kinds, mail, selectors, services, tariff_round
from .access import (
    get_round_for_secretariat,
    get_round_for_user,
    get_submission_for_secretariat,
    get_submission_for_user,
    get_unit_in_round,
    own_units,
    visible_rounds,
)
from .diff import answers_diff
from .forms import StepForms
from .models import MailKind, OfferProposal, ProposalStatus, RoundStatus, SubmissionStatus
from .questionnaire import get_questionnaire, missing_answers
from .round_forms import ExtendForm, ProposalDecisionForm, ReopenForm, RoundForm
from .selectors import HANDED_IN
from .tables import summary_tables


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def round_list(request):
    roles = roles_for(request.user)
    rounds = list(visible_rounds(request.user).prefetch_related("units"))
    own = selectors.own_submissions(roles.reporter_unit_ids)
    for reporting_round in rounds:
        reporting_round.own_units = [
            (unit, own.get((reporting_round.pk, unit.pk)))
            for unit in reporting_round.units.all()
            if unit.pk in roles.reporter_unit_ids
        ]
    context = {
        "rounds": rounds,
        "can_create_rounds": roles.is_secretariat,
        "shows_own_submissions": roles.is_reporter,
    }
    return render(request, "submissions/round_list.html", context)


@login_required
def round_create(request):
    require_secretariat(request.user)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reporting_round = services.round_create(
                kind=data["kind"],
                year=data["year"],
                title=data["title"],
                opens_on=data["opens_on"],
                deadline=data["deadline"],
                units=data["units"],
                reminder_days=data["reminder_days"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The round has been created as a draft. Open it when ready.")
            )
            return redirect(reporting_round)
    return render(request, "submissions/round_form.html", {"form": form})


@login_required
def round_detail(request, pk):
    reporting_round = get_round_for_user(request.user, pk)
    if not roles_for(request.user).is_secretariat:
        own = list(own_units(request.user, reporting_round).order_by("code"))
        if len(own) == 1:
            return redirect("submissions:unit_submission", pk=pk, unit_code=own[0].code)
        return render(
            request, "submissions/round_units.html", {"round": reporting_round, "units": own}
        )
    rows = selectors.round_board(reporting_round)
    return render(
        request,
        "submissions/round_board.html",
        {
            "round": reporting_round,
            "round_is_open": reporting_round.status == RoundStatus.OPEN,
            "rows": rows,
            "counts": selectors.board_counts(rows),
            "mails": selectors.mail_log(reporting_round),
            "extend_form": ExtendForm(initial={"deadline": reporting_round.deadline}),
            "is_tariff_round": tariff_round.is_tariff_round(reporting_round),
        },
    )


@login_required
@require_POST
def round_action(request, pk, action):
    reporting_round = get_round_for_secretariat(request.user, pk)
    if question := _round_question(request, reporting_round, action):
        return confirm.ask(request, question)
    try:
        if action == "aaben":
            services.round_open(reporting_round=reporting_round)
        elif action == "luk":
            services.round_close(reporting_round=reporting_round)
        elif action == "forlaeng":
            form = ExtendForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give a valid date."))
            services.round_extend(
                reporting_round=reporting_round, deadline=form.cleaned_data["deadline"]
            )
        elif action == "paamind":
            unit = get_unit_in_round(request.user, reporting_round, request.POST.get("unit", ""))
            log = services.reminder_send_now(reporting_round=reporting_round, unit=unit)
            report_to(request, mail.report(log), _("The reminder"))
            return redirect(reporting_round)
        else:
            raise Http404
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Done."))
    return redirect(reporting_round)


def _round_question(request, reporting_round, action):
    """The question to ask before an irreversible round action (None: go ahead)."""
    if confirm.is_confirmed(request):
        return None
    if action == "forlaeng":
        form = ExtendForm(request.POST)
        if not form.is_valid():  # refused below without asking
            return None
        return confirm.round_question(reporting_round, action, form.cleaned_data["deadline"])
    return confirm.round_question(reporting_round, action)


@login_required
def unit_submission(request, pk, unit_code):
    reporting_round = get_round_for_user(request.user, pk)
    unit = get_unit_in_round(request.user, reporting_round, unit_code)
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    return redirect(submission)


@login_required
def submission_detail(request, pk):
    """The overview: answers so far, what is missing, submit; versions; secretariat actions."""
    submission = get_submission_for_user(request.user, pk)
    questionnaire = get_questionnaire(submission.form_version) if submission.form_version else None
    missing = missing_answers(submission.form_version, submission.answers) if questionnaire else []
    hand_in_link = kinds.hand_in_link(submission.round.kind, submission)
    return render(
        request,
        "submissions/submission_detail.html",
        {
            "submission": submission,
            "questionnaire": questionnaire,
            "missing": missing,
            "hand_in_link": hand_in_link if submission.is_editable else None,
            "can_hand_in": submission.is_editable and questionnaire is not None,
            "versions": submission.versions.select_related("submitted_by"),
            "reopen_form": ReopenForm(),
            "is_secretariat": roles_for(request.user).is_secretariat,
            **_status_flags(submission),
        },
    )


def _status_flags(submission) -> dict:
    """What the page shows for the status: why it was reopened, and the secretariat's accept
    and reopen buttons."""
    status = submission.status
    return {
        "show_reopen_reason": status == SubmissionStatus.REOPENED
        and bool(submission.reopen_reason),
        "can_accept": status == SubmissionStatus.SUBMITTED,
        "can_reopen": status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED),
    }


@login_required
def submission_step(request, pk, step):
    submission = get_submission_for_user(request.user, pk)
    questionnaire = get_questionnaire(submission.form_version)
    slugs = [s.slug for s in questionnaire.steps]
    if step not in slugs:
        raise Http404
    if not submission.is_editable:
        return redirect(submission)
    forms = StepForms(submission.form_version, step, submission.answers, data=request.POST or None)
    token, status, stale = services.step_token(submission, step), 200, False
    implausible = None
    if request.method == "POST" and forms.is_valid():
        try:
            services.submission_save_step(
                submission=submission,
                step=step,
                answers=forms.answers(),
                user=request.user,
                expected_token=request.POST.get(TOKEN_NAME, ""),
                confirmed=plausibility.confirmed(request),
            )
        except StaleEdit:  # the typed answers are shown again, with the current token
            submission.refresh_from_db()
            token, status, stale = services.step_token(submission, step), 409, True
        except plausibility.Implausible as refused:  # shown with the typed answers
            implausible, status = refused, 400
        except ValidationError as error:
            _errors(request, error)
            return redirect(submission)
        else:
            return _after_step(request, submission, slugs, step)
    index = slugs.index(step)
    return render(
        request,
        "submissions/submission_step.html",
        {
            "submission": submission,
            "questionnaire": questionnaire,
            "step_forms": forms,
            "step": questionnaire.steps[index],
            "steps": questionnaire.steps,
            "previous": slugs[index - 1] if index else None,
            "edit_token": token,
            "stale_message": STALE_MESSAGE if stale else None,
            "implausible": implausible,
        },
        status=status,
    )


def _after_step(request, submission, slugs, step):
    messages.success(request, _("Saved %(time)s.") % {"time": f"{timezone.localtime():%H:%M}"})
    target = request.POST.get("goto", "next")
    index = slugs.index(step)
    if target == "previous" and index:
        return redirect("submissions:step", pk=submission.pk, step=slugs[index - 1])
    if target == "stay":
        return redirect("submissions:step", pk=submission.pk, step=step)
    if target == "next" and index + 1 < len(slugs):
        return redirect("submissions:step", pk=submission.pk, step=slugs[index + 1])
    return redirect(submission)


@login_required
@require_POST
def submission_submit(request, pk):
    submission = get_submission_for_user(request.user, pk)
    if _ready_to_hand_in(submission) and not confirm.is_confirmed(request):
        return confirm.ask(request, confirm.hand_in_question(submission))
    try:
        version = services.submission_submit(submission=submission, user=request.user)
    except ValidationError as error:
        _errors(request, error)
        return redirect(submission)
    messages.success(
        request, _("Handed in. Receipt number %(code)s.") % {"code": version.receipt_code}
    )
    _report_mail(request, submission, MailKind.RECEIPT, _("The receipt"))
    return redirect(version)


def _report_mail(request, submission, kind: str, what: str, before: str = "") -> None:
    """Tell the user what the mail their step sent achieved (stored by the send)."""
    result = mail.latest_report(submission, kind)
    if result is not None:
        report_to(request, result, what, before=before)
    elif before:
        messages.success(request, before)


def _ready_to_hand_in(submission) -> bool:
    """Ask only when the hand-in would go through; otherwise the refusal says why. A kind
    handed in on another app's page (the annual reports) is asked about too, once its own
    check finds nothing missing."""
    if not submission.is_editable:
        return False
    if submission.form_version:
        return not missing_answers(submission.form_version, submission.answers)
    return kinds.has_form(submission.round.kind) and not kinds.missing_for(submission)


@login_required
@require_POST
def submission_reopen(request, pk):
    submission = get_submission_for_secretariat(request.user, pk)
    form = ReopenForm(request.POST)
    reason = form.data.get("reason", "").strip()
    if reason and submission.status in HANDED_IN and not confirm.is_confirmed(request):
        return confirm.ask(request, confirm.reopen_question(submission, reason))
    try:
        services.submission_reopen(
            submission=submission, user=request.user, reason=form.data.get("reason", "")
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        _report_mail(
            request,
            submission,
            MailKind.REOPENED,
            _("The notice to the unit"),
            before=_("The submission has been reopened."),
        )
    return redirect(submission)


@login_required
@require_POST
def submission_accept(request, pk):
    submission = get_submission_for_secretariat(request.user, pk)
    if submission.status == SubmissionStatus.SUBMITTED and not confirm.is_confirmed(request):
        return confirm.ask(request, confirm.accept_question(submission))
    try:
        services.submission_accept(submission=submission, user=request.user)
    except ValidationError as error:
        _errors(request, error)
    return redirect(submission)


@login_required
def version_detail(request, pk, number):
    submission = get_submission_for_user(request.user, pk)
    versions = {v.number: v for v in submission.versions.select_related("submitted_by")}
    version = versions.get(number)
    if version is None:
        raise Http404
    previous = versions.get(number - 1)
    return render(
        request,
        "submissions/version_detail.html",
        {
            "submission": submission,
            "version": version,
            "previous": previous,
            "questionnaire": get_questionnaire(version.form_version)
            if version.form_version
            else None,
            "kind_answers": kinds.present_answers(submission, version.answers),
            "changes": answers_diff(
                previous.form_version, previous.answers, version.form_version, version.answers
            )
            if previous
            else None,
            "receipt_params": json.dumps({"version": version.pk}),
        },
    )


@login_required
def round_summary(request, pk):
    """The secretariat's product: the round's answers aggregated (page, XLSX, PDF)."""
    reporting_round = get_round_for_secretariat(request.user, pk)
    if not reporting_round.form_version:  # nothing answered in questions to summarise
        raise Http404
    summary = selectors.round_summary(reporting_round)
    if fmt := requested_format(request):
        return tables_download(
            f"opsummering-{reporting_round.year}-{reporting_round.pk}", fmt, summary_tables(summary)
        )
    return render(
        request,
        "submissions/round_summary.html",
        {
            "round": reporting_round,
            "summary": summary,
            "pdf_kind": "submissions.round_summary",
            "pdf_params_json": json.dumps({"round": reporting_round.pk}),
        },
    )


@login_required
def proposal_list(request):
    require_secretariat(request.user)
    form = ProposalDecisionForm()
    proposals = list(
        OfferProposal.objects.select_related("version__submission__unit__organisation", "offer")
    )
    for proposal in proposals:
        proposal.awaits_decision = proposal.status == ProposalStatus.PENDING
    return render(
        request,
        "submissions/proposal_list.html",
        {
            "proposals": proposals,
            "form": form,
            "offers": list(Offer.objects.only("pk", "name")),
        },
    )


@login_required
@require_POST
def proposal_decide(request, pk):
    require_secretariat(request.user)
    proposal = get_object_or_404(
        OfferProposal.objects.select_related("version__submission__unit__organisation"), pk=pk
    )
    form = ProposalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the proposal."))
        return redirect("submissions:proposals")
    if proposal.status == ProposalStatus.PENDING and not confirm.is_confirmed(request):
        label = dict(form.fields["decision"].choices)[form.cleaned_data["decision"]]
        question = confirm.proposal_question(proposal, label, form.cleaned_data.get("offer"))
        return confirm.ask(request, question)
    try:
        services.proposal_decide(proposal=proposal, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The proposal has been handled."))
    return redirect("submissions:proposals")
