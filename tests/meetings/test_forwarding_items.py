"""Forwarding an item DAS -> KKR: the copy with its attachments, its history in the PDF, and
only coming meetings of other bodies as targets."""

import datetime as dt

import pytest

from meetings import services
from meetings.models import MeetingStatus
from meetings.pdf import meeting_for_pdf
from tests.meetings.support import (
    DAS_ANALYSIS_ITEM,
    forward,
    new_meeting,
    pdf_text,
    url,
)

# --- 6. Forwarding DAS -> KKR ---


@pytest.mark.django_db
def test_forwarding_copies_the_item_with_its_attachments_to_the_kkr_meeting(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    response = forward(client, item, kkr_meeting)
    copy = kkr_meeting.items.get()
    assert response.url == url(kkr_meeting, f"punkter/{copy.pk}/")
    page = client.get(response.url).content.decode()
    assert f"Punktet er sat på dagsordenen for {kkr_meeting.reference}." in page
    assert (copy.title, copy.section, copy.forwarded_from) == (item.title, item.section, item)
    assert copy.recommendations == [["drøfter", "udgiftsanalysen"]]
    assert [(a.title, a.file.name) for a in copy.attachments.all()] == [
        (a.title, a.file.name) for a in item.attachments.all()
    ]


@pytest.mark.django_db
def test_the_forwarded_item_shows_its_history_and_the_kkr_recommendation_in_the_pdf(
    das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    services.item_forward(item=item, target=kkr_meeting)
    text = pdf_text(kkr_meeting)
    assert "Sagens forløb" in text
    assert "DAS den 21. maj 2019, punkt 5: Indstillingen blev fulgt." in text
    assert "KKR Nordjylland drøfter udgiftsanalysen" in text
    assert "Bilag 1: Udgiftsanalyse 2019 – tabeller" in text


@pytest.mark.django_db
def test_an_item_forwarded_twice_lists_both_earlier_meetings_oldest_first(
    das_meeting, kkr_meeting, django_assert_max_num_queries
):
    from meetings.pdf import build_meeting_context

    kdk = new_meeting("KDK", dt.date(2019, 8, 20))
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    on_kkr = services.item_forward(item=item, target=kkr_meeting)
    on_kkr.decision = "KKR tog analysen til efterretning."
    on_kkr.save()
    services.item_forward(item=on_kkr, target=kdk)
    loaded = meeting_for_pdf(kdk.reference)
    with django_assert_max_num_queries(4):  # two queries for each of the two steps
        rows = build_meeting_context(loaded, minutes=False)["items"]
    history = rows[0]["history"]
    assert [(h["meeting"].reference, h["number"]) for h in history] == [
        ("DAS-2019-05-21", 5),
        ("KKR-2019-06-13", 1),
    ]
    assert history[1]["item"].decision == "KKR tog analysen til efterretning."


@pytest.mark.django_db
def test_an_item_is_forwarded_to_the_same_meeting_only_once(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    assert forward(client, item, kkr_meeting).status_code == 302
    response = forward(client, item, kkr_meeting)
    assert response.status_code == 400
    assert "Punktet er allerede på det mødes dagsorden." in response.content.decode()
    assert kkr_meeting.items.count() == 1


@pytest.mark.django_db
def test_only_coming_meetings_of_other_bodies_are_forwarding_targets(
    client, secretariat, das_meeting, kkr_meeting
):
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    later_das = new_meeting("DAS", dt.date(2019, 6, 20))
    held_kkr = new_meeting("KKR", dt.date(2019, 6, 27), status=MeetingStatus.HELD)
    earlier_kkr = new_meeting("KKR", dt.date(2019, 5, 2))
    assert list(services.forward_targets(item)) == [kkr_meeting]
    client.force_login(secretariat)
    for target in (later_das, held_kkr, earlier_kkr):
        response = forward(client, item, target)
        assert response.status_code == 400, target
        assert "Marker en gyldig valgmulighed" in response.content.decode()
        assert not target.items.exists()
