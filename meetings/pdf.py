"""Dagsorden and Referat as PDF in the fixed format (SPEC §7).

The contents' page numbers are WeasyPrint's own cross-references (target-counter), so they are
the real pages of the rendered document; tests read the PDF back to check them."""

import io

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject

from socialaftale.lib.pdf import layout_pdf, render_pdf, write_laid_out

from .calculations import (
    SECTIONS,
    number_attachments,
    number_items,
    overflowing_items,
    page_groups,
    recommendation_sentence,
)
from .models import AttendanceKind, Meeting, MeetingStatus, Section


def _people(meeting: Meeting, kind: str) -> list[str]:
    return [str(person) for person in meeting.attendance.all() if person.kind == kind]


def _guests(meeting: Meeting, numbers: dict[int, int]) -> list[str]:
    """The front page's guests; one who attends one item only says which ("punkt 4")."""
    label = pgettext("agenda", "item")
    return [
        f"{person} – {label} {numbers[person.item_id]}"
        if person.item_id in numbers
        else str(person)
        for person in meeting.attendance.all()
        if person.kind == AttendanceKind.GUEST
    ]


def _item_guests(meeting: Meeting) -> dict[int, list[str]]:
    guests = {}
    for person in meeting.attendance.all():
        if person.kind == AttendanceKind.GUEST and person.item_id:
            guests.setdefault(person.item_id, []).append(str(person))
    return guests


def _text_length(item, *, minutes: bool) -> int:
    texts = [
        item.title,
        item.guest_line,
        item.summary,
        item.background,
        item.body,
        *(f"{verb} {text}" for verb, text in item.recommendations),
    ]
    if minutes:
        texts += [item.decision, item.editorial_note]
    return sum(len(text) for text in texts)


def _approved_decision(item) -> str:
    """An earlier meeting's decision is shown once its minutes are approved."""
    return item.decision if item.meeting.status == MeetingStatus.MINUTES_APPROVED else ""


def item_histories(items) -> dict[int, list[dict]]:
    """For each item: the earlier meetings it was forwarded from, oldest first (meeting, number
    there, the earlier item with its decision). Two queries per forwarding step, whatever the
    number of items (chains are DAS -> KKR, rarely longer)."""
    from .models import AgendaItem

    chains = {item.pk: [] for item in items}
    pending = {item.pk: item.forwarded_from_id for item in items if item.forwarded_from_id}
    for _step in range(10):  # a guard against a cycle made by hand in the admin
        if not pending:
            break
        earlier = AgendaItem.objects.select_related("meeting__body").in_bulk(set(pending.values()))
        meeting_ids = {e.meeting_id for e in earlier.values()}
        siblings = AgendaItem.objects.filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", "pk", "section", "position"
        )
        by_meeting = {}
        for meeting_id, *row in siblings:
            by_meeting.setdefault(meeting_id, []).append(tuple(row))
        numbers = {m: number_items(rows) for m, rows in by_meeting.items()}
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


def build_meeting_context(
    meeting: Meeting, *, minutes: bool, breaks: frozenset[int] = frozenset()
) -> dict:
    """Everything the template shows, numbered and grouped into pages; no queries beyond the
    prefetched ones, plus two a forwarding step for items forwarded from earlier meetings."""
    items = list(meeting.items.all())
    numbers = number_items([(i.pk, i.section, i.position) for i in items])
    attachments = [a for i in items for a in i.attachments.all()]
    attachment_numbers = number_attachments(
        numbers, [(a.pk, a.item_id, a.position) for a in attachments]
    )
    labels = dict(Section.choices)
    histories = item_histories([i for i in items if i.forwarded_from_id])
    item_guests = _item_guests(meeting)
    rows = []
    for item in sorted(items, key=lambda i: numbers[i.pk]):
        rows.append(
            {
                "item": item,
                "number": numbers[item.pk],
                "section": labels[item.section],
                "attachments": [(attachment_numbers[a.pk], a) for a in item.attachments.all()],
                "history": histories.get(item.pk, []),
                "guests": item_guests.get(item.pk, []),
                "recommendations": [
                    recommendation_sentence(meeting.body.name, verb, text)
                    for verb, text in item.recommendations
                ],
            }
        )
    sections = [
        {"title": labels[code], "items": [r for r in rows if r["item"].section == code]}
        for code in SECTIONS
    ]
    by_number = {row["number"]: row for row in rows}
    groups = page_groups(
        [
            (
                r["number"],
                r["item"].section,
                _text_length(r["item"], minutes=minutes),
                bool(r["attachments"]),
            )
            for r in rows
        ],
        breaks,
    )
    item_label = pgettext("agenda", "Item")
    pages = [
        {
            "rows": [by_number[number] for number in group],
            "header": f"{by_number[group[0]]['section']} · {item_label} "
            + " + ".join(str(number) for number in group),
        }
        for group in groups
    ]
    return {
        "meeting": meeting,
        "minutes": minutes,
        "title": _("Minutes") if minutes else _("Agenda"),
        "present": _people(meeting, AttendanceKind.PRESENT),
        "apologies": _people(meeting, AttendanceKind.APOLOGIES),
        "guests": _guests(meeting, numbers),
        "sections": [s for s in sections if s["items"]],
        "items": rows,
        "pages": pages,
        "groups": groups,
    }


def meeting_for_pdf(reference: str) -> Meeting:
    return (
        Meeting.objects.select_related("body")
        .prefetch_related("attendance", "items__attachments__document")
        .get(reference=reference)
    )


def anchor_pages(document) -> dict[str, int]:
    """Where WeasyPrint put each element with an id: id -> page index (first occurrence), read
    from the laid-out pages before writing ("punkt-5", "bilagsside-2-0", …)."""
    pages = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            pages.setdefault(anchor, index)
    return pages


def item_start_pages(document) -> dict[int, int]:
    """Item number -> index of the page where the item starts (its anchor "punkt-N")."""
    return {
        int(anchor.removeprefix("punkt-")): index
        for anchor, index in anchor_pages(document).items()
        if anchor.startswith("punkt-")
    }


MAX_LAYOUT_PASSES = 4


def render_laid_out(meeting: Meeting, *, minutes: bool, extra: dict | None = None) -> tuple:
    """Lay out; where small items sharing a page did not fit (an item starts on a later page,
    or a shared page runs on), give those items pages of their own and lay out again. Only the
    final layout is written. Returns (pdf bytes, context)."""
    breaks: frozenset[int] = frozenset()
    for layout_pass in range(1, MAX_LAYOUT_PASSES + 1):
        context = build_meeting_context(meeting, minutes=minutes, breaks=breaks) | (extra or {})
        context["layout_passes"] = layout_pass
        document = layout_pdf(
            render_to_string("meetings/meeting_pdf.html", context), stylesheets=["pdf/meeting.css"]
        )
        if all(len(group) == 1 for group in context["groups"]):
            break
        overflow = overflowing_items(
            context["groups"], item_start_pages(document), len(document.pages)
        )
        if not overflow:
            break
        # Keep every page start of this pass too, so the next pass only splits groups (the
        # items after a split must not regroup with the next group's items).
        breaks |= overflow | {group[0] for group in context["groups"]}
    context["anchor_pages"] = anchor_pages(document)
    return write_laid_out(document), context


def render_meeting_pdf(meeting: Meeting, *, minutes: bool = False) -> bytes:
    return render_laid_out(meeting, minutes=minutes)[0]


# --- "Dagsorden med bilag": the agenda with each attachment's pages right after its item ---

MARKER = "bilagsside-{number}-{page}"  # the placeholder page's id (and its hidden text)


class AttachmentNotReady(Exception):
    pass


def _read_attachment(number: int, attachment) -> PdfReader:
    stored = attachment.pdf_file
    if stored is None:
        raise AttachmentNotReady(
            _(
                "Attachment %(number)s (%(title)s) has not been generated yet; try again when "
                "it is ready."
            )
            % {"number": number, "title": attachment.title}
        )
    with stored.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def render_pack_pdf(meeting: Meeting) -> bytes:
    """Render the agenda with one placeholder page per attachment page (so the contents'
    page numbers already count them), then put the attachments' pages in their place."""
    context = build_meeting_context(meeting, minutes=False)
    attachments = {
        number: _read_attachment(number, a)
        for row in context["items"]
        for number, a in row["attachments"]
    }
    placeholders = {
        number: [MARKER.format(number=number, page=page) for page in range(len(reader.pages))]
        for number, reader in attachments.items()
    }
    extra = {"pack": True, "placeholder_pages": placeholders}
    pdf, context = render_laid_out(meeting, minutes=False, extra=extra)
    return _merge(PdfReader(io.BytesIO(pdf)), attachments, context)


def _merge(agenda: PdfReader, attachments: dict, context: dict) -> bytes:
    """Swap each placeholder page (found by its anchor "bilagsside-N-P") for page P of
    attachment N, stamp the pack's page numbers on them and add the bookmarks."""
    anchors = context["anchor_pages"]
    placeholders = {}  # page index -> (attachment number, its page)
    for anchor, index in anchors.items():
        if anchor.startswith("bilagsside-"):
            number, sub = anchor.removeprefix("bilagsside-").split("-")
            placeholders[index] = (int(number), int(sub))
    # A clone keeps the agenda's tags (PDF/UA structure), language and metadata; WeasyPrint's
    # own outline is replaced by the pack's bookmarks below.
    writer = PdfWriter(clone_from=agenda)
    if "/Outlines" in writer._root_object:
        del writer._root_object["/Outlines"]
    for index, (number, sub) in sorted(placeholders.items()):
        place_page(writer, index, attachments[number].pages[sub])
    _stamp(writer, {index: number for index, (number, _sub) in placeholders.items()})
    starts = {
        int(a.removeprefix("punkt-")): i for a, i in anchors.items() if a.startswith("punkt-")
    }
    starts |= {("bilag", n): i for i, (n, sub) in placeholders.items() if sub == 0}
    _bookmarks(writer, starts, context)
    return write_pack(writer)


def write_pack(writer: PdfWriter) -> bytes:
    writer.compress_identical_objects()  # the stamps share one font, not one copy per page
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def place_page(writer: PdfWriter, index: int, source) -> None:
    """Page `index` of the pack becomes the attachment's page `source`."""
    _replace_page(writer.pages[index], source.clone(writer))


PAGE_KEYS = [
    "/Contents",
    "/Resources",
    "/MediaBox",
    "/CropBox",
    "/BleedBox",
    "/TrimBox",
    "/ArtBox",
    "/Rotate",
    "/Annots",
    "/UserUnit",
]


def _replace_page(placeholder, source) -> None:
    """The placeholder page object takes the attachment page's content and size; keeping the
    object keeps the agenda's structure tree and page references valid."""
    for key in PAGE_KEYS:
        if key in source:  # raw: a content stream must stay an indirect object
            placeholder[NameObject(key)] = source.raw_get(key)
        elif key in placeholder:
            del placeholder[key]


# As in static/pdf/stamp.css: a white band along the foot of the page, wide enough for an A3
# landscape page (the part beyond a smaller page's left edge is cut off by its box).
STAMP_WIDTH_MM, STAMP_HEIGHT_MM = 420, 15
POINTS_PER_MM = 72 / 25.4


def _stamp(writer: PdfWriter, stamps: dict[int, int]) -> None:
    """An attachment's own pages keep their content, but not their own page numbers: the pack
    lays a white band over the page's foot (where page numbers are printed: the bottom 15 mm,
    below the 2 cm margin of the portal's documents) with "Bilag N · n/N" at the bottom right,
    where the agenda's pages have theirs. So every page carries one number, the pack's (what
    the contents cite). One small WeasyPrint document holds all the stamps; each is placed by
    the page's own size."""
    if not stamps:
        return
    total = len(writer.pages)
    labels = [f"{number} · {index + 1}/{total}" for index, number in sorted(stamps.items())]
    rendered = PdfReader(io.BytesIO(render_stamps(labels)))
    apply_stamps(writer, zip(sorted(stamps), rendered.pages, strict=True))


def render_stamps(labels: list[str]) -> bytes:
    """One small page a stamp ("Bilag 3 · 12/40"), from one WeasyPrint document."""
    label = _("Attachment")
    html = "".join(f'<p class="stamp">{label} {text}</p>' for text in labels)
    document = f'<html lang="da"><head><title>{label}</title></head><body>{html}</body></html>'
    return render_pdf(document, stylesheets=["pdf/stamp.css"])


def apply_stamps(writer: PdfWriter, placements) -> None:
    """Each (page index, stamp page): the stamp goes along the foot of that page, its right
    edge on the page's right edge."""
    for index, stamp in placements:
        page = writer.pages[index]
        box = page.mediabox
        move = Transformation().translate(
            float(box.right) - STAMP_WIDTH_MM * POINTS_PER_MM, float(box.bottom)
        )
        page.merge_transformed_page(stamp, move)
        page.compress_content_streams()  # merging leaves the page's content uncompressed


def _bookmarks(writer: PdfWriter, starts: dict, context: dict) -> None:
    for row in context["items"]:
        if row["number"] not in starts:
            continue
        parent = writer.add_outline_item(
            title=f"{row['number']}. {row['item'].title}", page_number=starts[row["number"]]
        )
        for number, attachment in row["attachments"]:
            title = _("Attachment %(number)s: %(title)s") % {
                "number": number,
                "title": attachment.title,
            }
            writer.add_outline_item(
                title=title, page_number=starts[("bilag", number)], parent=parent
            )


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
        params=registry.schema(
            meeting=forms.ModelChoiceField(Meeting.objects.all(), to_field_name="reference"),
            document=forms.ChoiceField(choices=list(DOCUMENT_TITLES.items())),
        ),
        title=lambda p: f"{DOCUMENT_TITLES[p['document']]} {p['meeting']}",
        render=render_meeting_document,
        can_view=may_see_document,
        key=lambda p: f"meetings.document:{p['meeting']}:{p['document']}",
        can_request=lambda user, params: False,  # the secretariat makes the documents
        latest_only=True,
    )
