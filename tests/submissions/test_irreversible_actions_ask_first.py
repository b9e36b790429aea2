"""Handing in, accepting, reopening, opening, closing and extending a round and deciding a
proposal first show a confirmation page (plain HTML, no JavaScript); only its second POST
acts (issue 11 #16)."""

import re

import pytest

from submissions import services
from submissions.models import ReportingRound, SubmissionVersion
from tests.factories.submissions import make_round


def confirmation(response) -> dict:
    """The fields the confirmation page's form posts again."""
    assert response.status_code == 200
    form = response.content.decode().split('id="confirm-form"', 1)[1].split("</form>")[0]
    return dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form))


def test_hand_in_asks_first_and_the_confirmation_hands_in(client, draft, aalborg_reporter):
    client.force_login(aalborg_reporter)
    url = f"/indberetninger/{draft.pk}/indsend/"
    response = client.post(url)
    assert not SubmissionVersion.objects.exists()
    assert "Ja, indsend" in response.content.decode()
    again = confirmation(response)
    assert {k: v for k, v in again.items() if k != "csrfmiddlewaretoken"} == {"confirmed": "1"}
    assert client.post(url, again).status_code == 302
    assert SubmissionVersion.objects.count() == 1


def test_a_hand_in_with_missing_answers_is_refused_without_asking(client, aalborg_reporter):
    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_open(reporting_round=make_round("demand_capacity", [unit]))
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    client.force_login(aalborg_reporter)
    response = client.post(f"/indberetninger/{submission.pk}/indsend/")
    assert response.status_code == 302 and not SubmissionVersion.objects.exists()


def test_reopen_shows_the_reason_and_reposts_it(client, draft, aalborg_reporter, secretariat):
    services.submission_submit(submission=draft, user=aalborg_reporter)
    client.force_login(secretariat)
    url = f"/indberetninger/{draft.pk}/genaabn/"
    response = client.post(url, {"reason": "B1 mangler ventelisten"})
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert "B1 mangler ventelisten" in response.content.decode()
    client.post(url, confirmation(response))
    draft.refresh_from_db()
    assert (draft.status, draft.reopen_reason) == ("reopened", "B1 mangler ventelisten")


def test_accept_asks_first(client, draft, aalborg_reporter, secretariat):
    services.submission_submit(submission=draft, user=aalborg_reporter)
    client.force_login(secretariat)
    url = f"/indberetninger/{draft.pk}/godkend/"
    response = client.post(url)
    draft.refresh_from_db()
    assert draft.status == "submitted"
    client.post(url, confirmation(response))
    draft.refresh_from_db()
    assert draft.status == "accepted"


@pytest.mark.parametrize(
    ("action", "data", "changed"),
    [
        ("luk", {}, lambda r: r.status == "closed"),
        ("forlaeng", {"deadline": "2099-01-08"}, lambda r: str(r.deadline) == "2099-01-08"),
    ],
)
def test_round_actions_ask_first(client, draft, secretariat, action, data, changed):
    client.force_login(secretariat)
    url = f"/indberetninger/runder/{draft.round_id}/{action}/"
    response = client.post(url, data)
    assert not changed(ReportingRound.objects.get())
    client.post(url, confirmation(response))
    assert changed(ReportingRound.objects.get())


def test_the_board_buttons_post_to_the_confirmation(client, draft, secretariat):
    client.force_login(secretariat)
    page = client.get(f"/indberetninger/runder/{draft.round_id}/").content.decode()
    assert f'action="/indberetninger/runder/{draft.round_id}/luk/"' in page
    assert 'name="confirmed"' not in page  # the board never skips the question
