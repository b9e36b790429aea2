"""A change notice put on a DAS agenda as an item generated from data: the item's text names
the offer, the kind, the dates and the breach; the agenda PDF shows it; its attachment is the
notice's own PDF."""

import datetime as dt

import pytest

from documents import agenda_sources
from meetings import services as meeting_services
from tests.factories.notices import ChangeNoticeFactory
from tests.meetings.support import new_meeting, pages_of, pdf_text


@pytest.fixture
def late_notice(offer):
    return ChangeNoticeFactory(
        offer=offer, decided_on=dt.date(2019, 9, 1), noticed_on=dt.date(2019, 9, 4)
    )


@pytest.mark.django_db
def test_the_notice_is_a_choice_among_the_agenda_sources(late_notice):
    groups = dict(agenda_sources.grouped_choices())
    assert groups["Ændringsvarsel"] == [
        (f"notice:{late_notice.pk}", "Varsel om ændring: Løvdal – Ændring af pladser")
    ]


@pytest.mark.django_db
def test_the_item_says_what_changed_and_that_notice_came_too_late(late_notice):
    item = agenda_sources.build(f"notice:{late_notice.pk}")
    assert item.kind == "notices.notice" and item.section == "information"
    for part in (
        "Aalborg Kommune har varslet en væsentlig ændring af Løvdal: ændring af pladser.",
        "1. september 2019",
        "4. september 2019",
        "Pladser: 24 → 18.",
        "Der blev varslet efter beslutningen – et brud på aftalen.",
    ):
        assert part in item.summary, part


@pytest.mark.django_db
def test_the_generated_item_renders_in_the_agenda_pdf_with_the_notice_attached(
    late_notice, django_capture_on_commit_callbacks
):
    meeting = new_meeting("DAS", dt.date(2019, 9, 10))
    with django_capture_on_commit_callbacks(execute=True):
        item = meeting_services.item_generate(
            meeting=meeting, choice=f"notice:{late_notice.pk}", user=None
        )
    text = pdf_text(meeting)
    assert "Varsel om ændring: Løvdal – Ændring af pladser" in text
    assert "brud på aftalen" in text
    document = item.attachments.get().document
    assert (document.kind, document.status) == ("notices.notice", "done"), document.error
    with document.file.open("rb") as handle:
        attachment = " ".join(pages_of(handle.read()))
    assert "Løvdal" in attachment and "Aalborg Kommune" in attachment
