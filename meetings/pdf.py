"""Dagsorden and Referat as PDF in the fixed format (SPEC §7).

The contents' page numbers are WeasyPrint's own cross-references (target-counter), so they are
the real pages of the rendered document; tests read the PDF back to check them."""

from django.utils.translation import gettext as _

from socialaftale.lib.pdf import render_template_pdf

from .calculations import SECTIONS, number_attachments, number_items
from .models import AttendanceKind, Meeting, Section


def _people(meeting: Meeting, kind: str) -> list[str]:
    return [str(person) for person in meeting.attendance.all() if person.kind == kind]


def build_meeting_context(meeting: Meeting, *, minutes: bool) -> dict:
    """Everything the template shows, numbered; no queries beyond the prefetched ones."""
    items = list(meeting.items.all())
    numbers = number_items([(i.pk, i.section, i.position) for i in items])
    attachments = [a for i in items for a in i.attachments.all()]
    attachment_numbers = number_attachments(
        numbers, [(a.pk, a.item_id, a.position) for a in attachments])  # fmt: skip
    labels = dict(Section.choices)
    rows = []
    for item in sorted(items, key=lambda i: numbers[i.pk]):
        rows.append({
            "item": item, "number": numbers[item.pk], "section": labels[item.section],
            "attachments": [(attachment_numbers[a.pk], a) for a in item.attachments.all()],
        })  # fmt: skip
    sections = [{"title": labels[code], "items": [r for r in rows if r["item"].section == code]}
                for code in SECTIONS]  # fmt: skip
    return {
        "meeting": meeting, "minutes": minutes,
        "title": _("Minutes") if minutes else _("Agenda"),
        "present": _people(meeting, AttendanceKind.PRESENT),
        "apologies": _people(meeting, AttendanceKind.APOLOGIES),
        "guests": _people(meeting, AttendanceKind.GUEST),
        "sections": [s for s in sections if s["items"]], "items": rows,
    }  # fmt: skip


def meeting_for_pdf(reference: str) -> Meeting:
    return Meeting.objects.select_related("body").prefetch_related(
        "attendance", "items__attachments").get(reference=reference)  # fmt: skip


def render_meeting_pdf(meeting: Meeting, *, minutes: bool = False) -> bytes:
    context = build_meeting_context(meeting, minutes=minutes)
    return render_template_pdf("meetings/meeting_pdf.html", context,
                               stylesheets=["pdf/meeting.css"])  # fmt: skip
