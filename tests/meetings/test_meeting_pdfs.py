"""The agenda and minutes PDFs read back: contents point at the real pages, every page is
numbered n/N, items are numbered in section order and attachments consecutively."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from meetings.calculations import (
    number_attachments,
    number_items,
    overflowing_items,
    page_groups,
)
from meetings.pdf import meeting_for_pdf, render_meeting_pdf
from tests.factories.meetings import das_meeting_of_21_may_2019


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_small_items_of_one_section_share_a_page_and_overflow_gets_its_own():
    small, big = 100, 5000
    items = [
        (1, "welcome", small, False),
        (2, "welcome", small, False),
        (3, "decision", small, False),
        (4, "decision", big, False),
        (5, "decision", small, True),
        (6, "information", small, False),
        (7, "information", small, False),
        (8, "information", small, False),
        (9, "information", small, False),
        (10, "information", small, False),
    ]
    assert page_groups(items) == [[1, 2], [3], [4], [5], [6, 7, 8, 9], [10]]
    assert page_groups(items, frozenset({8})) == [[1, 2], [3], [4], [5], [6, 7], [8, 9, 10]]
    # Item 8 was found on the page after 6 and 7: it starts the next group.
    groups = [[1, 2], [3], [6, 7, 8, 9]]
    starts = {1: 1, 2: 1, 3: 2, 6: 5, 7: 5, 8: 6, 9: 6}
    assert overflowing_items(groups, starts, page_count=7) == {8}
    # Each item that moved to a further page starts a group: 8 and 9 both break.
    assert overflowing_items(groups, starts | {9: 7}, page_count=8) == {8, 9}
    # All of 1 + 2 start on page 1 but item 3 only starts on page 3: 2 ran on; it moves.
    starts = {1: 1, 2: 1, 3: 3, 6: 5, 7: 5, 8: 5, 9: 5}
    assert overflowing_items(groups, starts, page_count=6) == {2}
    # The last group may not run past its page either.
    assert overflowing_items(groups, starts | {3: 2}, page_count=7) == {9}
    assert overflowing_items(groups, starts | {3: 2}, page_count=6) == set()


def test_items_are_numbered_in_section_order_and_attachments_consecutively():
    items = [(10, "closing", 0), (11, "welcome", 5), (12, "decision", 1), (13, "decision", 0)]
    numbers = number_items(items)
    assert numbers == {11: 1, 13: 2, 12: 3, 10: 4}
    attachments = [(100, 10, 0), (101, 12, 1), (102, 12, 0), (103, 11, 0)]
    assert number_attachments(numbers, attachments) == {103: 1, 102: 2, 101: 3, 100: 4}


@pytest.mark.django_db
@pytest.mark.parametrize("minutes", [False, True])
def test_every_contents_entry_points_at_the_page_where_its_item_starts(minutes):
    meeting = das_meeting_of_21_may_2019()
    pages = pages_of(render_meeting_pdf(meeting_for_pdf(meeting.reference), minutes=minutes))
    entries = re.findall(r"^(\d+)\. .*?\((?:side|page) (\d+)\)$", pages[0], re.MULTILINE)
    assert [int(number) for number, _page in entries] == list(range(1, 16))
    for number, page in entries:
        text = pages[int(page) - 1]
        assert re.search(rf"^{number}\. ", text, re.MULTILINE), (number, page)
        header = re.search(r"· Punkt ([\d +]+)$", text, re.MULTILINE)  # the running header
        assert header and number in header[1].split(" + "), (number, page)
    # A page shared by small items names exactly the items that start on it ("Punkt 1 + 2").
    for text in pages[1:]:
        header = re.search(r"· Punkt ([\d +]+)$", text, re.MULTILINE)
        starting = re.findall(r"^(\d+)\. ", text, re.MULTILINE)
        assert header and header[1].split(" + ") == starting, text[:200]
    assert any(re.search(r"· Punkt \d+ \+ \d+", text) for text in pages[1:])  # some share
    total = len(pages)
    for index, text in enumerate(pages, start=1):
        assert f"{index}/{total}" in text


@pytest.mark.django_db
def test_the_front_page_has_the_fixed_rows_and_the_command_writes_the_file(tmp_path):
    das_meeting_of_21_may_2019()
    out = tmp_path / "dagsorden.pdf"
    call_command(
        "render_meeting_pdf",
        "--meeting",
        "DAS-2019-05-21",
        "--document",
        "minutes",
        "--out",
        str(out),
        stdout=io.StringIO(),
    )
    front = pages_of(out.read_bytes())[0]
    for text in (
        "Regionshuset",
        "Anne Formand (Aalborg Kommune, formand)",
        "Erik Sekretariat (Sekretariatet for Nordjysk Socialaftale, ref.)",
        "Dorte Direktør (Thisted Kommune)",
        "Frida Tilsyn (Socialtilsyn Nord)",
    ):
        assert text in front.replace("\n", " ")


@pytest.mark.django_db
def test_the_pack_puts_each_attachment_right_after_its_item_and_the_contents_count_them():
    from meetings.pdf import render_pack_pdf

    meeting = das_meeting_of_21_may_2019()  # attachments: item 4 two pages, 5 three, 15 one
    reader = PdfReader(io.BytesIO(render_pack_pdf(meeting_for_pdf(meeting.reference))))
    pages = [page.extract_text() for page in reader.pages]
    agenda_pages = len(pages) - (2 + 3 + 1)
    assert agenda_pages == len(pages_of(render_meeting_pdf(meeting_for_pdf(meeting.reference))))
    start_4 = next(i for i, t in enumerate(pages) if i and re.search(r"^4\. ", t, re.MULTILINE))
    assert all("Årsrapport 2018" in t for t in pages[start_4 + 1 : start_4 + 3])
    assert re.search(r"^5\. ", pages[start_4 + 3], re.MULTILINE)
    assert all("Udgiftsanalyse 2019 – tabeller" in t for t in pages[start_4 + 4 : start_4 + 7])
    # The contents (page 1) point at the real pages of the merged pack.
    for number, page in re.findall(r"^(\d+)\. .*?\(side (\d+)\)$", pages[0], re.MULTILINE):
        assert re.search(rf"^{number}\. ", pages[int(page) - 1], re.MULTILINE), number
    toc = pages[0].replace("\n", " ")
    for number, title in (
        ("1", "Årsrapport 2018"),
        ("2", "Udgiftsanalyse 2019 – tabeller"),
        ("3", "Budget 2019 for Børnehus Nord"),
    ):
        found = re.search(rf"Bilag {number}: {title}.*?\(side (\d+)\)", toc)
        assert found and title in pages[int(found[1]) - 1], title
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0].startswith("1. ") and len(titles) == 15
    assert not any("bilagsside" in t for t in pages)
    # Attachment pages keep their own footer and get the pack's page number stamped on top.
    for index, text in enumerate(pages, start=1):
        assert f"{index}/{len(pages)}" in text, index
    assert f"Bilag 2 · {start_4 + 5}/{len(pages)}" in pages[start_4 + 4]
    # The merged pack keeps the agenda's tags, language and metadata (PDF/UA from WeasyPrint).
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da" and "/StructTreeRoot" in root and "/Metadata" in root
