"""What may still change on a meeting, and what a change after the agenda went out does.

- Planned: everything may change, nothing is recorded.
- Agenda sent out (and held): changes are allowed, but each is logged (who, when, what), the
  items it touched are marked "Ændret efter udsendelse", the agenda and the pack are made
  again as new versions and the members get a notice.
- Minutes approved: the meeting is read-only; every write is refused until the secretariat
  reopens the minutes (logged with a reason), and approving them again makes a new version.

Every write service calls `check_writable` first and `record_change` after it has written.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Meeting, MeetingEvent, MeetingEventKind, MeetingStatus

# The statuses in which the members have the agenda: a change there is one they must hear of.
SENT_OUT = {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD}


class MeetingFrozen(ValidationError):
    """A write to a meeting whose minutes are approved."""


def is_frozen(meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.MINUTES_APPROVED


def frozen_message() -> str:
    return _(
        "The minutes of this meeting have been approved, so the meeting can no longer be "
        "changed. The secretariat can reopen the minutes (with a reason) to change it."
    )


def check_writable(meeting: Meeting) -> None:
    """Refuse any write to a meeting with approved minutes (read from the database, so a stale
    object in memory cannot let a write through)."""
    status = Meeting.objects.filter(pk=meeting.pk).values_list("status", flat=True).first()
    if status == MeetingStatus.MINUTES_APPROVED:
        raise MeetingFrozen(frozen_message())


def record_change(
    *, meeting: Meeting, user, description: str, items=(), minutes_once_held: bool = False
) -> MeetingEvent | None:
    """After a write: on a meeting whose agenda has gone out, log it, mark the items, order
    new versions of the agenda and the pack and tell the members (once committed). A change
    that is part of writing the minutes once the meeting is held (who actually attended) is
    not a change of the agenda."""
    from documents.services import document_request

    from .mailing import mailing_queue

    status = Meeting.objects.filter(pk=meeting.pk).values_list("status", flat=True).first()
    if status not in SENT_OUT or (minutes_once_held and status == MeetingStatus.HELD):
        return None
    for item in items:
        item.changed_after_publication = True
        item.save(update_fields=["changed_after_publication"])
    event = MeetingEvent.objects.create(
        meeting=meeting,
        kind=MeetingEventKind.AGENDA_CHANGED,
        user=user if getattr(user, "is_authenticated", False) else None,
        description=description[:500],
    )
    for document in ("agenda", "pack"):
        document_request(
            kind="meetings.document",
            user=user,
            params={"meeting": meeting.reference, "document": document},
        )
    mailing_queue(meeting=meeting, kind="change", user=event.user)
    return event


def record_reopening(*, meeting: Meeting, user, reason: str) -> MeetingEvent:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for reopening the minutes."))
    return MeetingEvent.objects.create(
        meeting=meeting,
        kind=MeetingEventKind.MINUTES_REOPENED,
        user=user if getattr(user, "is_authenticated", False) else None,
        description=_("Minutes reopened"),
        reason=reason,
    )
