"""The difference between two handed-in versions reads as the questionnaire does: the
questions' Danish titles and labels and Danish values, never the stored keys (issue 11 #9)."""

import re

import pytest
from django.utils import translation

from submissions.diff import answers_diff
from submissions.questionnaire import CURRENT_VERSION
from tests.factories.submissions import complete_answers

INTERNAL_KEYS = re.compile(r"\b(waiting_lists|empty_places|empty_offers|waiting|text|no_changes)\b")


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def test_a_changed_answer_shows_the_questions_labels_and_danish_values():
    before = complete_answers()
    after = complete_answers(
        A8={"waiting_lists": True, "empty_places": True, "text": "Tre venter på Kvisten"},
    )
    [change] = answers_diff(CURRENT_VERSION, before, CURRENT_VERSION, after)
    assert change.code == "A8"
    assert change.title == "Ventelister og tomme pladser set som myndighed"
    assert "Borgere på venteliste: Nej" in change.before
    assert "Borgere på venteliste: Ja" in change.after
    assert "Uddybning: Tre venter på Kvisten" in change.after
    assert not INTERNAL_KEYS.search(change.before + change.after)


def test_repeating_rows_are_shown_with_their_column_names():
    after = complete_answers(
        B1={
            "empty_places": False,
            "empty_offers": [],
            "waiting_lists": True,
            "waiting": [{"offer": "Kvisten", "target_group": "", "count": 3}],
        },
    )
    [change] = answers_diff(CURRENT_VERSION, complete_answers(), CURRENT_VERSION, after)
    assert "Kvisten" in change.after and "Antal på venteliste: 3" in change.after
    assert not INTERNAL_KEYS.search(change.after)


def test_the_version_page_shows_no_internal_keys(client, aalborg_reporter, secretariat):
    from submissions import services
    from tests.factories.submissions import make_round

    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_open(reporting_round=make_round("demand_capacity", [unit]))
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    services.submission_save_step(
        submission=submission, step="x", user=None, answers=complete_answers()
    )
    services.submission_submit(submission=submission, user=aalborg_reporter)
    submission.refresh_from_db()
    services.submission_reopen(submission=submission, reason="A8", user=secretariat)
    changed = complete_answers(A8={"waiting_lists": True, "empty_places": True, "text": "Ja"})
    services.submission_save_step(submission=submission, step="x", answers=changed, user=None)
    services.submission_submit(submission=submission, user=aalborg_reporter)
    client.force_login(aalborg_reporter)
    page = client.get(f"/indberetninger/{submission.pk}/version/2/").content.decode()
    diff = page[page.index('id="diff-heading"') : page.index('id="answers-heading"')]
    assert "Ventelister og tomme pladser set som myndighed" in diff
    assert not INTERNAL_KEYS.search(re.sub(r"<[^>]+>", " ", diff))


def test_a_citizen_list_hand_in_is_shown_with_labels_not_keys(client, aalborg_reporter):
    from submissions import services
    from tests.factories.submissions import make_round

    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_open(reporting_round=make_round("citizen_list", [unit]))
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    answer = {
        "citizen_list": {
            "upload": 7,
            "file": "liste.csv",
            "rows": 12,
            "months": ["2019-01"],
            "checksum": "ab12",
        }
    }
    services.submission_save_step(submission=submission, step="upload", answers=answer, user=None)
    services.submission_submit(submission=submission, user=aalborg_reporter)
    client.force_login(aalborg_reporter)
    page = client.get(f"/indberetninger/{submission.pk}/version/1/").content.decode()
    answers = re.sub(r"<[^>]+>", " ", page[page.index('id="answers-heading"') :])
    assert "Borgerliste" in answers and "Fil" in answers and "liste.csv" in answers
    assert not re.search(r"\b(citizen_list|checksum|rows)\b", answers)
