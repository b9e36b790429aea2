"""The meeting's status steps, each confirmed first, and the refusal of writes to a meeting
whose minutes are approved.

A step button posts its action; without `confirmed` the answer is the confirmation page (what
the step does and that it cannot be undone), whose button posts it again with `confirmed`.
So nothing irreversible happens on one click, with or without JavaScript."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from organisations.access import require_secretariat
from socialaftale.lib.delivery import report_to

from . import mailing, selectors, services
from .access import get_meeting_for_user
from .changes import MeetingFrozen

ACTION_LABELS = {
    "publish": gettext_lazy("Publish the agenda"),
    "hold": gettext_lazy("Mark as held"),
    "approve": gettext_lazy("Approve the minutes"),
    "cancel": gettext_lazy("Cancel the meeting"),
    "reopen": gettext_lazy("Reopen the minutes"),
}
# What each step does, as the confirmation page says it.
CONSEQUENCES = {
    "publish": gettext_lazy(
        "The agenda and the agenda with attachments are made as PDF, and the members get an "
        "e-mail. Changes after this are marked on the items, logged, make a new version of "
        "the agenda, and the members are told."
    ),
    "hold": gettext_lazy(
        "The meeting is marked as held, and the agenda can no longer be cancelled. Then the "
        "minutes are written."
    ),
    "approve": gettext_lazy(
        "The minutes are made as PDF, and the members get an e-mail. After this the meeting "
        "is read-only: it can only be changed by reopening the minutes."
    ),
    "cancel": gettext_lazy(
        "The meeting is cancelled. This cannot be undone; the items can be sent to the "
        "members as an information e-mail instead."
    ),
    "reopen": gettext_lazy(
        "The approved minutes are reopened, so the meeting can be changed again. Your name, "
        "the time and the reason are logged. When the minutes are approved again, they are "
        "made as a new version."
    ),
}


def refuses_frozen(view):
    """Around every write view of a meeting: a write to a meeting with approved minutes,
    however it was posted, is the meeting's page with the Danish refusal, never a 500; a write
    that told the members of a change (the agenda had gone out) says whom that notice reached."""

    @functools.wraps(view)
    def wrapper(request, reference, *args, **kwargs):
        notices_before = (
            selectors.newest_change_notice_id(reference) if request.method == "POST" else 0
        )
        try:
            response = view(request, reference, *args, **kwargs)
        except MeetingFrozen as refused:
            messages.error(request, refused.messages[0])
            return redirect("meetings:meeting", reference=reference)
        if request.method == "POST":
            _report_change_notice(request, reference, notices_before)
        return response

    return wrapper


def _report_change_notice(request, reference: str, before: int) -> None:
    """A write to a meeting whose agenda has gone out tells the members (meetings.changes);
    the user who made it hears whom that notice reached, as after every send."""
    newest = selectors.change_notice_after(reference, before)
    if newest is not None:
        report_to(request, mailing.mailing_report(newest), mailing.NOTICE_WHAT["change"])


@login_required
@require_POST
def meeting_status(request, reference):
    require_secretariat(request.user)
    meeting = get_meeting_for_user(request.user, reference)
    action = request.POST.get("action", "")
    if action not in services.TRANSITIONS:
        raise Http404
    reason = request.POST.get("reason", "").strip()
    if request.POST.get("confirmed") != "1":
        return _confirmation(request, meeting, action, reason=reason)
    try:
        meeting = services.meeting_transition(
            meeting=meeting, action=action, user=request.user, reason=reason
        )
    except ValidationError as error:
        if action == "reopen" and not reason:  # asked again, with the message at the field
            return _confirmation(request, meeting, action, error=error.messages[0], status=400)
        for message in error.messages:
            messages.error(request, message)
    else:
        _report(request, meeting, action)
    return redirect(meeting)


def _report(request, meeting, action) -> None:
    """The step is done; a step that e-mails the members says whom the e-mail reached."""
    done = _("The meeting is now “%(status)s”.") % {"status": meeting.get_status_display()}
    report = mailing.latest_report(meeting, action) if action in services.NOTICE_ON else None
    if report is None:
        messages.success(request, done)
    else:
        report_to(request, report, mailing.NOTICE_WHAT[action], before=done)


def _confirmation(request, meeting, action, *, reason="", error=None, status=200):
    return render(
        request,
        "meetings/status_confirm.html",
        {
            "meeting": meeting,
            "action": action,
            "label": ACTION_LABELS[action],
            "consequences": CONSEQUENCES[action],
            "asks_reason": action == "reopen",
            "reason": reason,
            "error": error,
            "is_danger": action in {"cancel", "reopen"},
        },
        status=status,
    )
