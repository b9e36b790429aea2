"""The secretariat builds the agenda in the browser: add, edit, reorder; a second save of the
same item based on an old version is refused and overwrites nothing."""

import pytest

from meetings import services
from meetings.models import MeetingStatus
from tests.factories.meetings import das_meeting_of_21_may_2019


def draft_das_meeting():
    """The DAS meeting of 21 May 2019 as a draft agenda: approved minutes would freeze it."""
    return das_meeting_of_21_may_2019(status=MeetingStatus.PLANNED)


def form_data(item, **changes):
    data = {
        "section": item.section,
        "title": item.title,
        "guest_line": "",
        "summary": "",
        "background": "",
        "body_heading": item.body_heading,
        "body": "",
        "decision": "",
        "editorial_note": "",
        "is_public": "on",
        "edit_version": item.edit_version,
        "rec-TOTAL_FORMS": "0",
        "rec-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_the_second_of_two_concurrent_saves_is_refused_and_nothing_is_overwritten(
    client, secretariat
):
    meeting = draft_das_meeting()
    item = meeting.items.get(title="Udgiftsanalyse 2019")
    url = f"/moeder/{meeting.reference}/punkter/{item.pk}/"
    client.force_login(secretariat)
    first = form_data(item, title="Udgiftsanalyse 2019 – revideret")
    second = form_data(item, title="Udgiftsanalyse 2019 (kollega)")  # opened at the same version
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert response.status_code == 200
    assert "Intet er overskrevet" in response.content.decode()
    assert 'value="Udgiftsanalyse 2019 (kollega)"' in response.content.decode()  # kept typed
    item.refresh_from_db()
    assert (item.title, item.edit_version) == ("Udgiftsanalyse 2019 – revideret", 2)
    # The change history (simple-history) records the accepted save, not the refused one.
    assert [h.title for h in item.history.all()] == [
        "Udgiftsanalyse 2019 – revideret",
        "Udgiftsanalyse 2019",
    ]


@pytest.mark.django_db
def test_items_are_added_at_the_end_of_their_section_and_move_up_and_down(client, secretariat):
    meeting = draft_das_meeting()
    client.force_login(secretariat)
    client.post(
        f"/moeder/{meeting.reference}/punkter/ny/",
        {"section": "information", "title": "Orientering om ny lov"},
    )
    titles = list(
        meeting.items.filter(section="information")
        .order_by("position")
        .values_list("title", flat=True)
    )
    assert titles[-1] == "Orientering om ny lov" and len(titles) == 5
    new = meeting.items.get(title="Orientering om ny lov")
    client.post(f"/moeder/{meeting.reference}/punkter/{new.pk}/flyt/", {"direction": "up"})
    titles = list(
        meeting.items.filter(section="information")
        .order_by("position")
        .values_list("title", flat=True)
    )
    assert titles[-2:] == ["Orientering om ny lov", "Orientering fra KKR sekretariatet"]
    first = meeting.items.filter(section="information").order_by("position").first()
    services.item_move(item=first, direction="up")  # already first: nothing changes
    assert meeting.items.filter(section="information").order_by("position").first() == first


@pytest.mark.django_db
def test_only_the_secretariat_edits_the_agenda(client, das_member):
    meeting = draft_das_meeting()
    item = meeting.items.first()
    client.force_login(das_member)
    assert client.get(f"/moeder/{meeting.reference}/punkter/{item.pk}/").status_code == 404
    assert (
        client.post(
            f"/moeder/{meeting.reference}/punkter/ny/", {"section": "closing", "title": "X"}
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_the_secretariat_removes_an_item_after_confirming_and_the_numbers_follow(
    client, secretariat
):
    from meetings.calculations import number_items

    meeting = draft_das_meeting()
    item = meeting.items.get(title="Årsrapport Socialtilsyn Nord")  # item 4, with an attachment
    url = f"/moeder/{meeting.reference}/punkter/{item.pk}/slet/"
    client.force_login(secretariat)
    confirm = client.get(url).content.decode()
    assert "Fjern »Årsrapport Socialtilsyn Nord« fra dagsordenen med dets bilag?" in confirm
    assert meeting.items.filter(pk=item.pk).exists()  # asking removes nothing
    response = client.post(url, follow=True)
    assert "Punktet »Årsrapport Socialtilsyn Nord« er fjernet fra dagsordenen." in (
        response.content.decode()
    )
    numbers = number_items(list(meeting.items.values_list("pk", "section", "position")))
    titles = {
        number: title for title, number in ((i.title, numbers[i.pk]) for i in meeting.items.all())
    }
    assert len(titles) == 14 and titles[4] == "Udgiftsanalyse 2019"


def minutes_data(meeting, changes: dict) -> dict:
    """The minutes page's form as the browser posts it, with some items' texts changed."""
    items = sorted(
        meeting.items.all(),
        key=lambda i: (
            ["welcome", "decision", "information", "closing", "municipal"].index(i.section),
            i.position,
            i.pk,
        ),
    )
    data = {"referat-TOTAL_FORMS": str(len(items)), "referat-INITIAL_FORMS": str(len(items))}
    for index, item in enumerate(items):
        decision, note = changes.get(item.title, (item.decision, item.editorial_note))
        data |= {
            f"referat-{index}-item": item.pk,
            f"referat-{index}-edit_version": item.edit_version,
            f"referat-{index}-decision": decision,
            f"referat-{index}-editorial_note": note,
        }
    return data


@pytest.mark.django_db
def test_the_minutes_page_saves_every_items_decision_together(client, secretariat, das_member):
    meeting = draft_das_meeting()
    url = f"/moeder/{meeting.reference}/referat/"
    client.force_login(das_member)
    assert client.get(url).status_code == 404  # members read the minutes, they don't write them
    client.force_login(secretariat)
    page = client.get(url).content.decode()
    assert "5. Udgiftsanalyse 2019" in page and "Beslutning (referat) – Punkt 15" in page
    data = minutes_data(
        meeting,
        {
            "Udgiftsanalyse 2019": ("DAS drøftede analysen og sender den videre til KKR.", ""),
            "Evt.": ("Intet.", "Red.: mødet sluttede kl. 15.40."),
        },
    )
    response = client.post(url, data, follow=True)
    assert "Referatet er gemt (2 punkter ændret)." in response.content.decode()
    analysis = meeting.items.get(title="Udgiftsanalyse 2019")
    assert analysis.decision == "DAS drøftede analysen og sender den videre til KKR."
    assert meeting.items.get(title="Evt.").editorial_note == "Red.: mødet sluttede kl. 15.40."
    assert analysis.history.count() == 2  # the change is in the item's history


@pytest.mark.django_db
def test_the_minutes_page_saves_nothing_when_someone_else_saved_an_item_meanwhile(
    client, secretariat
):
    meeting = draft_das_meeting()
    url = f"/moeder/{meeting.reference}/referat/"
    data = minutes_data(
        meeting,
        {
            "Godkendelse af dagsorden": ("Godkendt.", ""),
            "Udgiftsanalyse 2019": ("Min tekst.", ""),
        },
    )
    other = meeting.items.get(title="Udgiftsanalyse 2019")  # a colleague saves it meanwhile
    services.item_save(
        item=other, values={"decision": "Kollegaens tekst."}, expected_version=other.edit_version
    )
    client.force_login(secretariat)
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "»Udgiftsanalyse 2019« blev gemt af en anden" in html
    assert "Min tekst." in html  # what was typed is kept
    assert meeting.items.get(title="Godkendelse af dagsorden").decision != "Godkendt."
    assert meeting.items.get(title="Udgiftsanalyse 2019").decision == "Kollegaens tekst."
