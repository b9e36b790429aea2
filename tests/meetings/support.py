"""Helpers of the meeting tests: addresses, posts as the secretariat's buttons make them, and
PDFs read back as text. Messages are asserted in Danish, as the user reads them."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from documents.models import GeneratedDocument
from meetings.calculations import number_items
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.pdf import meeting_for_pdf, render_meeting_pdf
from tests.factories.meetings import MeetingFactory, body

DAS_ANALYSIS_ITEM = "Udgiftsanalyse 2019"  # item 5 of the DAS meeting of 21 May 2019


def new_meeting(short_name: str, date: dt.date, status=MeetingStatus.PLANNED) -> Meeting:
    """A meeting of the body on the date, 13-15 in Regionshuset, with no items."""
    return MeetingFactory(body=body(short_name), date=date, status=status)


def url(meeting: Meeting, path: str = "") -> str:
    return f"/moeder/{meeting.reference}/{path}"


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """PDF text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def pdf_text(meeting: Meeting, *, minutes: bool = False) -> str:
    return flat(
        " ".join(pages_of(render_meeting_pdf(meeting_for_pdf(meeting.reference), minutes=minutes)))
    )


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


def post_status(client, meeting: Meeting, action: str, **fields):
    """The step's button and then the confirmation page's button (with `confirmed`)."""
    data = {"action": action, "confirmed": "1", **fields}
    return client.post(url(meeting, "status/"), data, follow=True)


def item_form_data(item: AgendaItem, **changes) -> dict:
    data = {
        "section": item.section,
        "title": item.title,
        "guest_line": item.guest_line,
        "summary": item.summary,
        "background": item.background,
        "body_heading": item.body_heading,
        "body": item.body,
        "decision": item.decision,
        "editorial_note": item.editorial_note,
        "is_public": "on",
        "edit_version": item.edit_version,
        "rec-TOTAL_FORMS": "0",
        "rec-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def upload(client, meeting: Meeting, item: AgendaItem, title: str, content: bytes, name="x.pdf"):
    file = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(url(meeting, f"punkter/{item.pk}/bilag/"), {"title": title, "file": file})


def generate(client, meeting: Meeting, choice: str, **kwargs):
    return client.post(url(meeting, "punkter/fra-data/"), {"choice": choice}, **kwargs)


def forward(client, item: AgendaItem, target: Meeting):
    return client.post(url(item.meeting, f"punkter/{item.pk}/videresend/"), {"target": target.pk})


def numbers(meeting: Meeting) -> dict[int, int]:
    """Item id -> its number on the agenda."""
    return number_items(list(meeting.items.values_list("pk", "section", "position")))


def section_titles(meeting: Meeting, section: str) -> list[str]:
    return list(
        meeting.items.filter(section=section)
        .order_by("position", "id")
        .values_list("title", flat=True)
    )


def meeting_documents() -> list[tuple[str, str]]:
    documents = GeneratedDocument.objects.filter(kind="meetings.document").order_by("id")
    return [(document.params["document"], document.status) for document in documents]
