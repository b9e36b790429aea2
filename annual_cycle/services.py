"""Every write to the annual cycle: generating a year's events from the definitions, and the
secretariat's edits (refused if someone else saved in between, socialaftale.lib.edits).
Field changes are logged by simple_history with the actor.

Auto-linking (kept simple): when an event is generated, it is linked to what already fulfils
it, if anything does: a reporting round of the definition's kind and the same year (the
earliest opening), a meeting of the definition's body inside the event's span (the first,
cancelled ones not), or a finished document of the definition's kind made inside the span
(the latest). Nothing found: no link; the secretariat links by hand on the event's page."""

import datetime as dt

from django.db import transaction

from documents.models import GeneratedDocument
from meetings.models import Meeting, MeetingStatus
from socialaftale.lib.edits import check_token, fields_token
from submissions.models import ReportingRound

from .calculations import event_dates
from .models import CycleDefinition, CycleEvent, LinkKind

DEFINITION_FIELDS = [
    "title",
    "description",
    "start_month",
    "start_day",
    "due_month",
    "due_day",
    "year_offset",
    "iso_week",
    "for_reporters",
    "for_operators",
    "for_body_members",
    "for_expert_panel",
    "link_kind",
    "link_target",
    "active",
    "position",
]
EVENT_FIELDS = ["round", "meeting", "document", "done_on", "notes"]
LINK_FIELDS = {LinkKind.ROUND: "round", LinkKind.MEETING: "meeting", LinkKind.DOCUMENT: "document"}


def found_link(definition: CycleDefinition, year: int, starts_on: dt.date, due_on: dt.date):
    """(field, object) that fulfils the event, or (None, None)."""
    target, kind = definition.link_target, definition.link_kind
    found = None
    if kind == LinkKind.ROUND and target:
        found = ReportingRound.objects.filter(kind=target, year=year).order_by("opens_on").first()
    elif kind == LinkKind.MEETING and target:
        meetings = Meeting.objects.filter(body__code=target, date__range=(starts_on, due_on))
        found = meetings.exclude(status=MeetingStatus.CANCELLED).order_by("date").first()
    elif kind == LinkKind.DOCUMENT and target:
        documents = GeneratedDocument.objects.filter(
            kind=target,
            status=GeneratedDocument.Status.DONE,
            created_at__date__range=(starts_on, due_on),
        )
        found = documents.order_by("-created_at").first()
    return (LINK_FIELDS[kind], found) if found else (None, None)


@transaction.atomic
def generate_year(year: int, actor=None) -> int:
    """The missing events of `year` for the active definitions; how many were made. Running
    it again makes none (existing events keep their dates, links and notes)."""
    existing = CycleEvent.objects.filter(year=year).values_list("definition_id", flat=True)
    created = 0
    for definition in CycleDefinition.objects.filter(active=True).exclude(pk__in=existing):
        starts_on, due_on = event_dates(definition, year)
        event = CycleEvent(definition=definition, year=year, starts_on=starts_on, due_on=due_on)
        field, found = found_link(definition, year, starts_on, due_on)
        if field:
            setattr(event, field, found)
        event._history_user = actor
        event.save()
        created += 1
    return created


def _update(model, pk, fields, expected_token, actor, values):
    stored = model.objects.select_for_update().get(pk=pk)
    check_token(expected_token, fields_token(stored, fields))
    for name, value in values.items():
        if name not in fields:
            raise TypeError(f"{name} cannot be changed here")
        setattr(stored, name, value)
    stored.full_clean()
    stored._history_user = actor
    stored.save()
    return stored


@transaction.atomic
def update_definition(definition, *, expected_token=None, actor=None, **values):
    """Refused with StaleEdit if the definition changed since the form was shown. Events
    already generated keep their dates; the next generated years follow the new values."""
    return _update(CycleDefinition, definition.pk, DEFINITION_FIELDS, expected_token, actor, values)


@transaction.atomic
def update_event(event, *, expected_token=None, actor=None, **values):
    """The event's links, done date and notes; refused with StaleEdit like a definition."""
    return _update(CycleEvent, event.pk, EVENT_FIELDS, expected_token, actor, values)


@transaction.atomic
def link_event(event, *, actor=None, round=None, meeting=None, document=None) -> CycleEvent:  # noqa: A002
    """Link the event to what fulfils it (the links not given are removed)."""
    values = {"round": round, "meeting": meeting, "document": document}
    return _update(CycleEvent, event.pk, EVENT_FIELDS, None, actor, values)


@transaction.atomic
def mark_done(event, done_on: dt.date | None, *, actor=None) -> CycleEvent:
    """Done on `done_on`; None: not done (again)."""
    return _update(CycleEvent, event.pk, EVENT_FIELDS, None, actor, {"done_on": done_on})
