"""Editing an item: the recommendation bullets read as a sentence in the PDF, and an item
moved to another section goes last there."""

import pytest

from meetings import services
from tests.meetings.support import (
    DAS_ANALYSIS_ITEM,
    item_form_data,
    numbers,
    pdf_text,
    section_titles,
    url,
)

# --- 7. Editing an item ---


@pytest.mark.django_db
def test_recommendation_bullets_are_saved_and_read_as_a_sentence_in_the_pdf(
    client, secretariat, planned
):
    item = planned.items.get()
    client.force_login(secretariat)
    data = item_form_data(
        item,
        **{
            "rec-TOTAL_FORMS": "2",
            "rec-0-verb": "tager til efterretning",
            "rec-0-text": "orienteringen",
            "rec-1-verb": "",
            "rec-1-text": "",
        },
    )
    response = client.post(url(planned, f"punkter/{item.pk}/"), data, follow=True)
    assert "Punktet er gemt." in response.content.decode()
    item.refresh_from_db()
    assert item.recommendations == [["tager til efterretning", "orienteringen"]]
    text = pdf_text(planned)
    assert "Det indstilles, at" in text
    assert "Den Administrative Styregruppe tager orienteringen til efterretning" in text


@pytest.mark.django_db
def test_a_bullet_without_a_verb_is_refused_and_nothing_is_saved(client, secretariat, planned):
    item = planned.items.get()
    client.force_login(secretariat)
    data = item_form_data(
        item,
        title="Budget 2020 – revideret",
        **{"rec-TOTAL_FORMS": "1", "rec-0-verb": "", "rec-0-text": "orienteringen"},
    )
    response = client.post(url(planned, f"punkter/{item.pk}/"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vælg udsagnsordet for dette punkt." in html
    assert 'value="orienteringen"' in html  # the typed text is kept
    item.refresh_from_db()
    assert (item.title, item.recommendations, item.edit_version) == ("Budget 2020", [], 1)


@pytest.mark.django_db
def test_item_save_puts_a_moved_item_last_in_its_new_section(das_draft):
    das_meeting = das_draft
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    assert numbers(das_meeting)[item.pk] == 5
    services.item_save(item=item, values={"section": "information"}, expected_version=1)
    assert section_titles(das_meeting, "information")[-1] == DAS_ANALYSIS_ITEM
    after = numbers(das_meeting)
    assert after[item.pk] == 12  # decision is now items 3-7, information 8-12
    by_title = {i.title: after[i.pk] for i in das_meeting.items.all()}
    assert by_title["Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"] == 5
    assert by_title["Evt."] == 13 and by_title["Børnehus Nords budget 2019"] == 15


@pytest.mark.django_db
def test_an_item_moved_with_the_edit_form_goes_last_in_its_new_section(
    client, secretariat, das_draft
):
    das_meeting = das_draft
    item = das_meeting.items.get(title=DAS_ANALYSIS_ITEM)
    client.force_login(secretariat)
    data = item_form_data(
        item,
        section="information",
        **{"rec-TOTAL_FORMS": "1", "rec-0-verb": "drøfter", "rec-0-text": "udgiftsanalysen"},
    )
    assert client.post(url(das_meeting, f"punkter/{item.pk}/"), data).status_code == 302
    item.refresh_from_db()
    assert item.section == "information"
    assert section_titles(das_meeting, "information")[-1] == DAS_ANALYSIS_ITEM
    assert numbers(das_meeting)[item.pk] == 12
