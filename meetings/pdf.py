"""Dagsorden and Referat as PDF in the fixed format (SPEC §7).

The contents' page numbers are WeasyPrint's own cross-references (target-counter), so they are
the real pages of the rendered document; tests read the PDF back to check them."""

import io
import re

from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

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
        "attendance", "items__attachments__document").get(reference=reference)  # fmt: skip


def render_meeting_pdf(meeting: Meeting, *, minutes: bool = False) -> bytes:
    context = build_meeting_context(meeting, minutes=minutes)
    return render_template_pdf("meetings/meeting_pdf.html", context,
                               stylesheets=["pdf/meeting.css"])  # fmt: skip


# --- "Dagsorden med bilag": the agenda with each attachment's pages right after its item ---

MARKER = "BILAGSSIDE-{number}-{page}"


class AttachmentNotReady(Exception):
    pass


def _read_attachment(number: int, attachment) -> PdfReader:
    stored = attachment.pdf_file
    if stored is None:
        raise AttachmentNotReady(
            _("Attachment %(number)s (%(title)s) has not been generated yet; try again when "
              "it is ready.") % {"number": number, "title": attachment.title}
        )  # fmt: skip
    with stored.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def render_pack_pdf(meeting: Meeting) -> bytes:
    """Render the agenda with one placeholder page per attachment page (so the contents'
    page numbers already count them), then put the attachments' pages in their place."""
    context = build_meeting_context(meeting, minutes=False)
    attachments = {number: _read_attachment(number, a) for row in context["items"]
                   for number, a in row["attachments"]}  # fmt: skip
    counts = {number: len(reader.pages) for number, reader in attachments.items()}
    context |= {"pack": True, "placeholder_pages": {
        number: [MARKER.format(number=number, page=page) for page in range(count)]
        for number, count in counts.items()}}  # fmt: skip
    agenda = PdfReader(io.BytesIO(render_template_pdf(
        "meetings/meeting_pdf.html", context, stylesheets=["pdf/meeting.css"])))  # fmt: skip
    return _merge(agenda, attachments, context)


def _merge(agenda: PdfReader, attachments: dict, context: dict) -> bytes:
    writer = PdfWriter()
    starts = {}  # item number or ("bilag", number) -> page index, for the bookmarks
    for index, page in enumerate(agenda.pages):
        text = page.extract_text()
        match = re.search(r"BILAGSSIDE-(\d+)-(\d+)", text)
        if match:
            number, sub = int(match[1]), int(match[2])
            writer.add_page(attachments[number].pages[sub])
            starts.setdefault(("bilag", number), index)
        else:
            writer.add_page(page)
            for row in context["items"]:
                if re.search(rf"^{row['number']}\. ", text, re.MULTILINE):
                    starts.setdefault(row["number"], index)
    _bookmarks(writer, starts, context)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bookmarks(writer: PdfWriter, starts: dict, context: dict) -> None:
    for row in context["items"]:
        if row["number"] not in starts:
            continue
        parent = writer.add_outline_item(
            title=f"{row['number']}. {row['item'].title}", page_number=starts[row["number"]]
        )
        for number, attachment in row["attachments"]:
            title = _("Attachment %(number)s: %(title)s") % {
                "number": number, "title": attachment.title}  # fmt: skip
            writer.add_outline_item(title=title, page_number=starts[("bilag", number)],
                                    parent=parent)  # fmt: skip


DOCUMENT_TITLES = {"agenda": "Dagsorden", "minutes": "Referat", "pack": "Dagsorden med bilag"}


def render_meeting_document(params, progress) -> bytes:
    meeting = meeting_for_pdf(params["meeting"])
    progress(20, _("Typesetting the PDF"))
    if params["document"] == "pack":
        return render_pack_pdf(meeting)
    return render_meeting_pdf(meeting, minutes=params["document"] == "minutes")


def register_documents() -> None:
    from documents import registry

    from .access import may_see_document

    registry.register(
        "meetings.document",
        title=lambda p: f"{DOCUMENT_TITLES[p['document']]} {p['meeting']}",
        render=render_meeting_document,
        can_view=may_see_document,
        key=lambda p: f"meetings.document:{p['meeting']}:{p['document']}",
    )
