"""Reads for the meetings' pages and PDFs: querysets shaped for one page (the related rows it
shows fetched with it), so the views and the PDF code build no queries of their own."""

from django.db.models import Count, Max, QuerySet

from documents import registry
from documents.models import GeneratedDocument

from .access import visible_meetings
from .calculations import number_items
from .models import (
    AgendaItem,
    Attachment,
    Attendance,
    Mailing,
    MailingKind,
    Meeting,
    MeetingEvent,
    MeetingStatus,
)

DOCUMENT_KIND = "meetings.document"


def meetings_for_list(user) -> QuerySet[Meeting]:
    """The meetings the user may see with their number of items, newest first."""
    meetings = visible_meetings(user).annotate(item_count=Count("items"))
    return meetings.order_by("-date", "body__short_name")


def meetings_with_items(user) -> QuerySet[Meeting]:
    """The user's meetings with what the agenda shows: attendance, items and attachments."""
    return visible_meetings(user).prefetch_related("attendance", "items__attachments__document")


def meeting_for_pdf(reference: str) -> Meeting:
    return (
        Meeting.objects.select_related("body")
        .prefetch_related("attendance", "items__attachments__document")
        .get(reference=reference)
    )


def latest_meeting_document(meeting: Meeting, code: str) -> GeneratedDocument | None:
    """The newest finished version (one query per document kind, whatever the versions)."""
    key = registry.document_key(DOCUMENT_KIND, {"meeting": meeting.reference, "document": code})
    documents = GeneratedDocument.objects.filter(kind=DOCUMENT_KIND, key=key, status="done")
    return documents.order_by("-version").first()


def meeting_events(meeting: Meeting) -> QuerySet[MeetingEvent]:
    return meeting.events.select_related("user")


def item_number(item: AgendaItem) -> int | None:
    """The item's number on its meeting's agenda (computed from the sections and positions)."""
    siblings = item.meeting.items.values_list("pk", "section", "position")
    return number_items(list(siblings)).get(item.pk)


def item_attachments(item: AgendaItem) -> QuerySet[Attachment]:
    return item.attachments.select_related("document")


def forwarded_copies(item: AgendaItem) -> QuerySet[AgendaItem]:
    """The copies of the item on later meetings' agendas."""
    return item.forwarded_to.select_related("meeting__body")


def forward_targets(item: AgendaItem) -> QuerySet[Meeting]:
    """Meetings of another body, not yet held, on or after this item's meeting."""
    return (
        Meeting.objects.select_related("body")
        .exclude(body=item.meeting.body)
        .filter(
            date__gte=item.meeting.date,
            status__in=[MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED],
        )
        .order_by("date")
    )


def attendance_rows(meeting: Meeting) -> list[Attendance]:
    """The attendance as stored, in a fixed order (what the edit token is made from)."""
    return list(Attendance.objects.filter(meeting=meeting).order_by("pk"))


def newest_change_notice_id(reference: str) -> int:
    """The newest change notice's id (0 for none)."""
    notices = Mailing.objects.filter(meeting__reference=reference, kind=MailingKind.CHANGE)
    return notices.aggregate(newest=Max("pk"))["newest"] or 0


def change_notice_after(reference: str, before: int) -> Mailing | None:
    """The newest change notice sent after the one with id `before`, if any."""
    notices = Mailing.objects.filter(
        meeting__reference=reference, kind=MailingKind.CHANGE, pk__gt=before
    )
    return notices.order_by("-pk").first()


def _forwarding_step(pending: dict[int, int]) -> tuple[dict, dict]:
    """The earlier items of one forwarding step (with their meetings) and every item's number
    on those meetings: two queries, whatever the number of items."""
    earlier = AgendaItem.objects.select_related("meeting__body").in_bulk(set(pending.values()))
    meeting_ids = {e.meeting_id for e in earlier.values()}
    siblings = AgendaItem.objects.filter(meeting_id__in=meeting_ids).values_list(
        "meeting_id", "pk", "section", "position"
    )
    by_meeting = {}
    for meeting_id, *row in siblings:
        by_meeting.setdefault(meeting_id, []).append(tuple(row))
    return earlier, {m: number_items(rows) for m, rows in by_meeting.items()}


def _approved_decision(item) -> str:
    """An earlier meeting's decision is shown once its minutes are approved."""
    return item.decision if item.meeting.status == MeetingStatus.MINUTES_APPROVED else ""


def item_histories(items) -> dict[int, list[dict]]:
    """For each item: the earlier meetings it was forwarded from, oldest first (meeting, number
    there, the earlier item with its decision). Two queries per forwarding step, whatever the
    number of items (chains are DAS -> KKR, rarely longer)."""
    chains = {item.pk: [] for item in items}
    pending = {item.pk: item.forwarded_from_id for item in items if item.forwarded_from_id}
    for _step in range(10):  # a guard against a cycle made by hand in the admin
        if not pending:
            break
        earlier, numbers = _forwarding_step(pending)
        following = {}
        for item_id, earlier_id in pending.items():
            step = earlier.get(earlier_id)
            if step is None:
                continue
            chains[item_id].append(
                {
                    "item": step,
                    "meeting": step.meeting,
                    "number": numbers[step.meeting_id][step.pk],
                    "decision": _approved_decision(step),
                }
            )
            if step.forwarded_from_id:
                following[item_id] = step.forwarded_from_id
        pending = following
    return {item_id: chain[::-1] for item_id, chain in chains.items()}


def item_history(item) -> list[dict]:
    return item_histories([item])[item.pk]
