"""The expert panel's remarks ("Bemærkninger", issue 14): one page per subject (a member's
annual report in a round, or a nomination) with the remarks the user may read, the user's own
form (panel members) and the chair's "mark final"; and the page of what awaits remarks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit

from . import services_remarks as services
from . import worklist
from .access import (
    get_nomination_subject,
    get_report_subject,
    is_panel,
    is_reporting_member,
    may_read_report,
    require_panel_or_secretariat,
)
from .chair import may_finalise
from .forms_nominations import RemarkForm
from .selectors_remarks import own_remark, remarks_for, sees_drafts
from .worklist import current_rounds

TEMPLATES = "enhanced_cooperation/remarks/"


@login_required
def remarks_member(request, round_pk, member_pk):
    reporting_round, member, submission = get_report_subject(request.user, round_pk, member_pk)
    subject = {"round": reporting_round, "member": member}
    context = {
        "subject_name": member.name,
        "subject_url": member.get_absolute_url(),
        "submission": submission,
        "is_report": True,
        "report_url": _report_url(request.user, reporting_round, member, submission),
    }
    return _remarks_page(request, subject, context)


def _report_url(user, reporting_round, member, submission) -> str:
    """The report's read page, when the operator's submission holds it and the user may read
    it ("" otherwise: nothing handed in for the panel, not started for anyone)."""
    if submission is None or not may_read_report(user, member, submission):
        return ""
    if not is_reporting_member(member, reporting_round.year):
        return ""
    return reverse("enhanced_cooperation:report", args=[submission.pk, member.pk])


@login_required
def remarks_nomination(request, round_pk, nomination_pk):
    nomination = get_nomination_subject(request.user, round_pk, nomination_pk)
    subject = {"round": nomination.round, "nomination": nomination}
    context = {
        "subject_name": str(nomination.offer),
        "subject_url": nomination.get_absolute_url(),
        "nomination": nomination,
    }
    return _remarks_page(request, subject, context)


def _remarks_page(request, subject, context):
    user = request.user
    own = own_remark(user, **subject)
    writes = is_panel(user) and not (own and own.is_final)
    form = None
    if writes:
        initial = {"text": own.text} if own else {}
        data = request.POST if "save" in request.POST else None
        form = RemarkForm(data, initial=initial, token=services.remark_token(own))
    status = 200
    if request.method == "POST":
        done, status = _post(request, subject, form)
        if done:
            return redirect(request.path)
    remarks = remarks_for(user, **subject)
    context |= {
        "round": subject["round"],
        "remarks": remarks,
        "form": form,
        "own": own,
        "sees_drafts": sees_drafts(user),
        "may_finalise": may_finalise(user),
        "has_drafts": any(not r.is_final for r in remarks),
    }
    return render(request, TEMPLATES + "subject.html", context, status=status)


def _post(request, subject, form) -> tuple[bool, int]:
    """(saved, status) of a POST: "save" the own remark, or "finalise" one remark or all."""
    if "finalise" in request.POST:
        if not may_finalise(request.user):
            raise Http404
        remarks = remarks_for(request.user, **subject)
        which = request.POST.get("finalise", "")
        if which != "all":
            remarks = (
                remarks.filter(pk=int(which))
                if which.isdigit() and len(which) < 18
                else remarks.none()
            )
        count = services.remark_finalise(user=request.user, remarks=remarks)
        messages.success(request, _("%(count)s remarks marked final.") % {"count": count})
        return True, 200
    if form is None:
        raise Http404
    if not form.is_valid():
        return False, 400
    return _write(request, subject, form)


def _write(request, subject, form) -> tuple[bool, int]:
    try:
        services.remark_save(
            user=request.user,
            text=form.cleaned_data["text"],
            expected_token=form.cleaned_data.get(TOKEN_NAME, ""),
            **subject,
        )
    except StaleEdit:
        own = own_remark(request.user, **subject)
        form.data = form.data.copy()
        form.data[TOKEN_NAME] = services.remark_token(own)
        form.add_error(None, STALE_MESSAGE)
        return False, 409
    except ValidationError as refused:
        form.add_error("text" if hasattr(refused, "error_dict") else None, refused.messages)
        return False, 400
    messages.success(request, _("Your remarks have been saved."))
    return True, 200


@login_required
@require_GET
def remarks_overview(request):
    """What awaits the panel: the reports handed in and the open nominations, each with the
    panel members who have remarked."""
    require_panel_or_secretariat(request.user)
    context = {
        "reports": worklist.reports_handed_in(),
        "nominations": worklist.open_nominations(),
        "rounds": list(current_rounds()),
    }
    return render(request, TEMPLATES + "overview.html", context)
