"""Plausibility of questionnaire answers (issue 11 #14): impossible answers are refused with
the field named; implausible ones are saved only once the reporter confirms the figures."""

import pytest
from django.core.exceptions import ValidationError

from submissions import services
from submissions.plausibility import check_answers
from submissions.questionnaire import CURRENT_VERSION
from tests.factories.submissions import complete_answers

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

WAITING = {"offer": "Kvisten", "target_group": "", "count": 3}


def findings(**answers):
    found = check_answers(CURRENT_VERSION, complete_answers(**answers), year=2027)
    return [(f.field, f.impossible) for f in found]


def operator(**changes):
    return {
        "empty_places": False,
        "empty_offers": [],
        "waiting_lists": True,
        "waiting": [],
        **changes,
    }


def test_complete_ordinary_answers_have_no_findings():
    assert findings(B1=operator(waiting=[WAITING])) == []


def test_waiting_list_rows_after_answering_no_are_impossible():
    assert findings(B1=operator(waiting_lists=False, waiting=[WAITING])) == [
        ("B1 Waiting lists", True)
    ]


def test_offers_with_empty_places_after_answering_no_are_impossible():
    assert findings(B1=operator(empty_offers=["Kvisten"])) == [("B1 Empty places", True)]


def test_a_negative_count_is_impossible_and_a_long_or_empty_list_implausible():
    rows = [{**WAITING, "count": -1}, {**WAITING, "count": 0}, {**WAITING, "count": 80}]
    assert findings(B1=operator(waiting=rows)) == [
        ("B1 Number waiting, row 1", True),
        ("B1 Number waiting, row 2", False),
        ("B1 Number waiting, row 3", False),
    ]


def test_no_changes_with_needs_listed_is_impossible():
    need = {"place": "day", "age": "adults", "target_group": "", "reason": ""}
    answer = {"no_changes": True, "falling": [need], "rising": []}
    assert findings(A2=answer) == [("A2 No significant changes in use", True)]


def test_a_planned_year_far_from_the_round_is_implausible():
    row = {"name": "Bo", "target_group": "", "places_as_written": "4", "covered": None}
    assert findings(B4=[{**row, "planned_year": 2027}, {**row, "planned_year": 2045}]) == [
        ("B4 Planned year, row 2", False)
    ]


def test_no_changes_expected_with_a_description_is_implausible():
    assert findings(A4={"none": True, "text": "Flere til Kofoedsminde"}) == [
        ("A4 No changes expected", False)
    ]


def step_post(**fields):
    data = {
        "edit_token": fields.pop("token"),
        "goto": "stay",
        "B1-empty_places": "False",
        "B1-empty_offers": "",
        "B1-waiting_lists": "True",
        "B1-waiting-TOTAL_FORMS": "1",
        "B1-waiting-INITIAL_FORMS": "0",
        "B1-waiting-0-offer": "Kvisten",
        "B1-waiting-0-target_group": "udviklingshaemning",
        "B1-waiting-0-count": "3",
        "B2-TOTAL_FORMS": "0",
        "B2-INITIAL_FORMS": "0",
    }
    return {**data, **fields}


def test_a_contradiction_is_refused_on_the_step_page_with_the_field_named(
    client, draft, aalborg_reporter
):
    client.force_login(aalborg_reporter)
    token = services.step_token(draft, "del-b-1")
    url = f"/indberetninger/{draft.pk}/trin/del-b-1/"
    response = client.post(url, step_post(token=token, **{"B1-waiting_lists": "False"}))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="plausibility-errors"' in page and "B1 Ventelister" in page
    assert 'name="confirm_plausible"' not in page  # an error cannot be confirmed away
    draft.refresh_from_db()
    assert draft.answers["B1"]["waiting"] == []


def test_an_implausible_count_is_saved_after_the_reporter_confirms(client, draft, aalborg_reporter):
    client.force_login(aalborg_reporter)
    token = services.step_token(draft, "del-b-1")
    url = f"/indberetninger/{draft.pk}/trin/del-b-1/"
    response = client.post(url, step_post(token=token, **{"B1-waiting-0-count": "80"}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "B1 Antal på venteliste, række 1" in page and 'name="confirm_plausible"' in page
    assert 'value="80"' in page  # what was typed is kept
    draft.refresh_from_db()
    assert draft.answers["B1"]["waiting"] == []
    confirmed = step_post(token=token, confirm_plausible="1", **{"B1-waiting-0-count": "80"})
    assert client.post(url, confirmed).status_code == 302
    draft.refresh_from_db()
    assert draft.answers["B1"]["waiting"][0]["count"] == 80


def test_the_hand_in_refuses_impossible_answers_saved_by_other_callers(draft, aalborg_reporter):
    draft.answers["B1"] = operator(waiting_lists=False, waiting=[WAITING])
    draft.save(update_fields=["answers"])
    with pytest.raises(ValidationError) as refused:
        services.submission_submit(submission=draft, user=aalborg_reporter)
    assert "B1 Waiting lists" in str(refused.value)
