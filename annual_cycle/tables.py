"""The annual cycle's rows for the pages and the downloads (one ReportTable, so the page and
the CSV/XLSX agree): each event with its state and what fulfils it, as labels."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisations.models import Role
from socialaftale.lib.tables import ReportTable

from .calculations import COMING, DONE, NOW, OVERDUE, event_state

STATES = {DONE: _("Done"), OVERDUE: _("Overdue"), NOW: _("Running"), COMING: _("Coming")}
STATE_CLASSES = {DONE: "success", OVERDUE: "danger", NOW: "info", COMING: "secondary"}


@dataclass
class EventRow:
    event: object
    state: str
    state_label: str
    state_class: str
    audience: str
    link_label: str
    link_url: str


def audience_label(definition) -> str:
    labels = dict(Role.choices)
    return ", ".join(str(labels[value]) for value in definition.audience) or gettext(
        "The secretariat"
    )


def _link(event, with_urls: bool, document_for=None) -> tuple[str, str]:
    """The label of what fulfils the event and, for the secretariat (who may open every
    round, meeting and document), its address. Others get a linked document's address
    through `document_for` (the document they may see instead, e.g. a published version
    of a preview, or None: then the document is not named)."""
    if event.document is not None:
        if with_urls or document_for is None:
            url = reverse("documents:status", args=[event.document.pk])
            return str(event.document), url if with_urls else ""
        shown = document_for(event.document)
        if shown is None:
            return "", ""
        return str(shown), reverse("documents:status", args=[shown.pk])
    for linked in (event.round, event.meeting):
        if linked is not None:
            return str(linked), linked.get_absolute_url() if with_urls else ""
    return "", ""


def event_rows(events, today, with_urls: bool = False, document_for=None) -> list[EventRow]:
    rows = []
    for event in events:
        state = event_state(event.starts_on, event.due_on, event.done_on, today)
        label, url = _link(event, with_urls, document_for)
        rows.append(
            EventRow(
                event,
                state,
                str(STATES[state]),
                STATE_CLASSES[state],
                audience_label(event.definition),
                label,
                url,
            )
        )
    return rows


def event_table(rows: list[EventRow], caption: str) -> ReportTable:
    return ReportTable(
        id="aarshjul",
        caption=caption,
        headers=[
            gettext("Event"),
            gettext("Starts on"),
            gettext("Due on"),
            gettext("Status"),
            gettext("Concerns"),
            gettext("Fulfilled by"),
            gettext("Done on"),
            gettext("Notes"),
        ],
        rows=[
            [
                row.event.definition.title,
                row.event.starts_on,
                row.event.due_on,
                row.state_label,
                row.audience,
                row.link_label,
                row.event.done_on,
                row.event.notes,
            ]
            for row in rows
        ],
    )
