"""Writes for the agenda. Two people editing the same item: the second save is refused (the
form carries the version it was opened at; the update only happens if it is still current)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from documents import agenda_sources

from .changes import check_writable, record_change, record_reopening
from .models import AgendaItem, Attachment, Meeting, MeetingStatus
from .selectors import forward_targets

EDITABLE_FIELDS = [
    "section",
    "title",
    "guest_line",
    "summary",
    "background",
    "body_heading",
    "body",
    "recommendations",
    "decision",
    "editorial_note",
    "is_public",
]
# The minutes' own fields: writing them after the meeting is not a change of the agenda.
MINUTES_FIELDS = {"decision", "editorial_note"}


class EditConflict(ValidationError):
    pass


def _new_item(*, meeting: Meeting, section: str, title: str) -> AgendaItem:
    last = meeting.items.filter(section=section).aggregate(p=Max("position"))["p"]
    return AgendaItem.objects.create(
        meeting=meeting, section=section, title=title, position=(last or 0) + 1
    )


@transaction.atomic
def item_create(*, meeting: Meeting, section: str, title: str, user=None) -> AgendaItem:
    check_writable(meeting)
    item = _new_item(meeting=meeting, section=section, title=title)
    record_change(
        meeting=meeting,
        user=user,
        items=[item],
        description=_("Item added: “%(title)s”") % {"title": title},
    )
    return item


@transaction.atomic
def item_save(*, item: AgendaItem, values: dict, expected_version: int, user=None) -> AgendaItem:
    """Compare-and-set on edit_version under a row lock: nothing is overwritten if someone
    saved in between. Saved with save(), so the change history records it."""
    stored = AgendaItem.objects.select_for_update().get(pk=item.pk)
    check_writable(stored.meeting)
    if stored.edit_version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this item while you were editing it. Nothing "
                "was overwritten: open the item again to see their changes."
            )
        )
    changes = {name: values[name] for name in EDITABLE_FIELDS if name in values}
    if changes.get("section", stored.section) != stored.section:  # moved: last in new section
        last = stored.meeting.items.filter(section=changes["section"]).aggregate(p=Max("position"))
        changes["position"] = (last["p"] or 0) + 1
    agenda_changed = any(
        getattr(stored, name) != value
        for name, value in changes.items()
        if name not in MINUTES_FIELDS
    )
    for name, value in changes.items():
        setattr(stored, name, value)
    stored.edit_version += 1
    stored.save()
    if agenda_changed:
        record_change(
            meeting=stored.meeting,
            user=user,
            items=[stored],
            description=_("Item changed: “%(title)s”") % {"title": stored.title},
        )
    item.refresh_from_db()
    return item


@transaction.atomic
def minutes_save(*, meeting: Meeting, rows: list[dict], user=None) -> int:
    """The minutes page: each item's decision and "Red.:" note, all or nothing. An item saved
    by someone else since the page was opened refuses the whole save (the error names it).
    Returns how many items changed."""
    check_writable(meeting)
    items = {item.pk: item for item in meeting.items.all()}
    changed = 0
    for row in rows:
        item = items.get(row["item"])
        if item is None:
            raise ValidationError(_("An item on the page is no longer on the agenda; reload it."))
        values = {"decision": row["decision"], "editorial_note": row["editorial_note"]}
        if all(getattr(item, name) == value for name, value in values.items()):
            continue
        try:
            item_save(item=item, values=values, expected_version=row["edit_version"], user=user)
        except EditConflict:
            raise ValidationError(
                _(
                    "“%(title)s” was saved by someone else while you wrote the minutes. Nothing "
                    "was saved: copy your text, reload the page and add it again."
                )
                % {"title": item.title}
            ) from None
        changed += 1
    return changed


@transaction.atomic
def item_move(*, item: AgendaItem, direction: str, user=None) -> AgendaItem:
    """Up or down within its section (swapping positions with the neighbour)."""
    check_writable(item.meeting)
    siblings = list(item.meeting.items.filter(section=item.section).order_by("position", "id"))
    index = siblings.index(item)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return item
    neighbour = siblings[other]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    siblings[index].position, neighbour.position = neighbour.position, siblings[index].position
    AgendaItem.objects.bulk_update(siblings, ["position"])
    item.refresh_from_db()
    record_change(
        meeting=item.meeting,
        user=user,
        items=[item],
        description=_("Item moved: “%(title)s”") % {"title": item.title},
    )
    return item


@transaction.atomic
def item_delete(*, item: AgendaItem, user=None) -> None:
    """The item and its attachments leave the agenda (the stored files stay: a forwarded copy
    may point at them); the numbers of the items after it follow, since they are computed."""
    meeting = item.meeting
    check_writable(meeting)
    item.delete()
    record_change(
        meeting=meeting,
        user=user,
        description=_("Item removed: “%(title)s”") % {"title": item.title},
    )


# --- Status: planned -> agenda published -> held -> minutes approved; or cancelled ---

# action -> (the statuses it may start from, the status it leads to)
TRANSITIONS = {
    "publish": ({MeetingStatus.PLANNED}, MeetingStatus.AGENDA_PUBLISHED),
    "hold": ({MeetingStatus.AGENDA_PUBLISHED}, MeetingStatus.HELD),
    "approve": ({MeetingStatus.HELD}, MeetingStatus.MINUTES_APPROVED),
    "cancel": ({MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED}, MeetingStatus.CANCELLED),
    # The one way back: approved minutes reopened by the secretariat, with a logged reason.
    "reopen": ({MeetingStatus.MINUTES_APPROVED}, MeetingStatus.HELD),
}
# The documents each step makes for the members (through the documents app, in Celery).
DOCUMENTS_ON = {"publish": ["agenda", "pack"], "approve": ["minutes"]}
NOTICE_ON = {"publish", "approve"}


def meeting_starts(meeting: Meeting) -> dt.datetime:
    """The meeting's start as an aware moment (its date and time are Danish local time)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(meeting.date, meeting.starts_at, tzinfo=zone)


def available_actions(meeting: Meeting, *, now: dt.datetime | None = None) -> list[str]:
    """The steps offered on the meeting's page; "held" only once the meeting has started."""
    now = now or timezone.now()
    return [
        action
        for action, (sources, _target) in TRANSITIONS.items()
        if meeting.status in sources and (action != "hold" or meeting_starts(meeting) <= now)
    ]


@transaction.atomic
def meeting_transition(*, meeting: Meeting, action: str, user, reason: str = "") -> Meeting:
    """Move the meeting on; publishing and approving order the PDFs the members download.
    Refused (nothing changed) from the wrong status, without items, while a generated
    attachment is still being made, "held" before the meeting has started, and reopening
    without a reason."""
    from documents.services import document_request

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    sources, target = TRANSITIONS[action]
    if meeting.status not in sources:
        raise ValidationError(
            _("The meeting is “%(status)s”; that step is not possible now.")
            % {"status": meeting.get_status_display()}
        )
    if action == "publish":
        _check_ready_to_publish(meeting)
    if action == "hold":
        _check_started(meeting)
    if action == "reopen":
        record_reopening(meeting=meeting, user=user, reason=reason)
    meeting.status = target
    meeting.save(update_fields=["status"])
    for document in DOCUMENTS_ON.get(action, []):
        document_request(
            kind="meetings.document",
            user=user,
            params={"meeting": meeting.reference, "document": document},
        )
    if action in NOTICE_ON:  # the members hear of it by e-mail, once the step is committed
        from .mailing import mailing_queue

        mailing_queue(meeting=meeting, kind=action, user=user)
    return meeting


def _check_started(meeting: Meeting) -> None:
    starts = timezone.localtime(meeting_starts(meeting))
    if starts > timezone.now():
        raise ValidationError(
            _("The meeting starts on %(date)s at %(time)s; it can be marked as held from then.")
            % {"date": date_format(starts, "j. F Y"), "time": starts.strftime("%H.%M")}
        )


def _check_ready_to_publish(meeting: Meeting) -> None:
    if not meeting.items.exists():
        raise ValidationError(_("The agenda has no items yet."))
    pending = [
        a.title
        for a in Attachment.objects.filter(item__meeting=meeting, file="").select_related(
            "document"
        )
        if a.pdf_file is None
    ]
    if pending:
        raise ValidationError(
            _("Wait until these attachments have been generated: %(titles)s")
            % {"titles": ", ".join(pending)}
        )


# --- Attachments ---


def _new_attachment(*, item: AgendaItem, title: str, file=None, document=None) -> Attachment:
    last = item.attachments.aggregate(p=Max("position"))["p"]
    attachment = Attachment(item=item, title=title, document=document, position=(last or 0) + 1)
    if file is not None:
        attachment.file.save(file.name, file, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_add(
    *, item: AgendaItem, title: str, file=None, document=None, user=None
) -> Attachment:
    check_writable(item.meeting)
    attachment = _new_attachment(item=item, title=title, file=file, document=document)
    record_change(
        meeting=item.meeting,
        user=user,
        items=[item],
        description=_("Attachment added to “%(item)s”: %(title)s")
        % {"item": item.title, "title": title},
    )
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment, user=None) -> None:
    """The attachment leaves its item; the stored file stays (a forwarded copy may point at
    it)."""
    item = attachment.item
    check_writable(item.meeting)
    attachment.delete()
    record_change(
        meeting=item.meeting,
        user=user,
        items=[item],
        description=_("Attachment removed from “%(item)s”: %(title)s")
        % {"item": item.title, "title": attachment.title},
    )


@transaction.atomic
def attachment_regenerate(*, attachment: Attachment, user) -> Attachment:
    """A generated attachment made again from today's data: a new version of its document
    (the old one stays downloadable to the secretariat in the documents app)."""
    from documents.services import document_request

    check_writable(attachment.item.meeting)
    old = attachment.document
    if old is None:
        raise ValidationError(_("Only generated attachments can be generated again."))
    attachment.document = document_request(kind=old.kind, params=old.params, user=user)
    attachment.save(update_fields=["document"])
    record_change(
        meeting=attachment.item.meeting,
        user=user,
        items=[attachment.item],
        description=_("Attachment generated again: %(title)s") % {"title": attachment.title},
    )
    return attachment


# --- Items generated from data ---


@transaction.atomic
def item_generate(*, meeting: Meeting, choice: str, user) -> AgendaItem:
    """Add "Udgiftsanalyse 2019" and the like: the item's text from the data, its attachment
    ordered from the owning app's PDF function."""
    from documents.services import document_request

    check_writable(meeting)
    try:
        spec = agenda_sources.build(choice)
    except ValueError:
        raise ValidationError(_("Choose one of the listed sources.")) from None
    item = _new_item(meeting=meeting, section=spec.section, title=spec.title)
    item.summary, item.body_heading = spec.summary, spec.body_heading
    item.recommendations = spec.recommendations
    item.save(update_fields=["summary", "body_heading", "recommendations"])
    document = document_request(kind=spec.kind, params=spec.params, user=user)
    _new_attachment(item=item, title=spec.attachment_title, document=document)
    record_change(
        meeting=meeting,
        user=user,
        items=[item],
        description=_("Item added: “%(title)s”") % {"title": item.title},
    )
    return item


# --- Forwarding (DAS -> KKR) ---

COPIED_FIELDS = [
    "section",
    "title",
    "guest_line",
    "summary",
    "background",
    "body_heading",
    "body",
    "recommendations",
    "is_public",
]


@transaction.atomic
def item_forward(*, item: AgendaItem, target: Meeting, user=None) -> AgendaItem:
    """A copy of the item on the target meeting's agenda, pointing back at it (its history is
    shown in the new item), with the same attachments (the same stored files)."""
    if not forward_targets(item).filter(pk=target.pk).exists():
        raise ValidationError(
            _("The item can only be forwarded to a coming meeting of another body.")
        )
    if target.items.filter(forwarded_from=item).exists():
        raise ValidationError(_("The item is already on that meeting's agenda."))
    check_writable(target)
    copy = _new_item(meeting=target, section=item.section, title=item.title)
    for name in COPIED_FIELDS:
        setattr(copy, name, getattr(item, name))
    copy.forwarded_from = item
    copy.save()
    Attachment.objects.bulk_create(
        [
            Attachment(
                item=copy, title=a.title, file=a.file.name, document=a.document, position=a.position
            )
            for a in item.attachments.all()
        ]
    )
    record_change(
        meeting=target,
        user=user,
        items=[copy],
        description=_("Item added: “%(title)s”") % {"title": copy.title},
    )
    return copy
