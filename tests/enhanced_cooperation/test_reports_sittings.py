"""The operator writes its members' annual reports over several sittings: a draft is saved
incomplete, completed later, and handed in through the round engine with a receipt. A save
over someone else's newer save is refused and what was typed is kept."""

import pytest
from django.urls import reverse

from enhanced_cooperation.reports import report_key
from submissions import services as rounds
from submissions.models import SubmissionStatus
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    complete_report,
    open_year_round,
    operator_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    member = MemberFactory(period__start_year=2027, name="Kvisten")
    operator = operator_user(member)
    reporting_round = open_year_round(2027)
    submission = rounds.submission_for(
        reporting_round=reporting_round, unit=reporting_round.units.get()
    )
    return member, operator, submission


def form_data(**changes):
    data = {
        "development": "Målgruppen er udvidet",
        "occupancy_pct": "96,5",
        "places_residential": "12",
        "places_day": "4",
        "demand": "falling",
        "demand_text": "Færre henvendelser fra kommunerne",
        "target_groups": "Børn 6-17 år",
        "sustainability_professional": "Ingen",
        "sustainability_economic": "Tre unge fraflytter pga. alder",
        "planned_changes": "",
        "goto": "overview",
    }
    return {**data, **changes}


def edit_url(submission, member):
    return reverse("enhanced_cooperation:report_edit", args=[submission.pk, member.pk])


def token_of(response) -> str:
    return response.context["form"]["edit_token"].value()


def test_a_draft_is_saved_incomplete_completed_later_and_handed_in(client, setting):
    member, operator, submission = setting
    client.force_login(operator)
    overview = reverse("enhanced_cooperation:reports", args=[submission.pk])
    page = client.get(overview)
    assert "Ikke påbegyndt" in page.content.decode()

    first = client.get(edit_url(submission, member))
    draft = {"development": "Første udkast", "occupancy_pct": "96,5", "edit_token": token_of(first)}
    assert client.post(edit_url(submission, member), draft).status_code == 302
    submission.refresh_from_db()
    assert submission.answers[report_key(member.pk)]["occupancy_pct"] == "96.5"
    page = client.get(overview).content.decode()
    assert "Kladde" in page and "Efterspørgsel" in page  # named as missing

    refused = client.post(reverse("submissions:submit", args=[submission.pk]))
    assert refused.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT

    second = client.get(edit_url(submission, member))
    assert second.context["form"]["occupancy_pct"].value() == "96,5"
    response = client.post(edit_url(submission, member), form_data(edit_token=token_of(second)))
    assert response.status_code == 302
    assert "Klar til indsendelse" in client.get(overview).content.decode()

    handed_in = client.post(reverse("submissions:submit", args=[submission.pk]), {"confirmed": "1"})
    assert handed_in.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    version = submission.versions.get()
    assert version.receipt_code
    report = version.answers[report_key(member.pk)]
    assert report["places"] == [
        {"kind": "residential", "places": 12},
        {"kind": "day", "places": 4},
    ]
    assert report["demand"] == "falling"
    # The form now leads to the read page: a handed-in report is not edited.
    after = client.get(edit_url(submission, member))
    assert after.status_code == 302 and after.url.endswith("/laes/")


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, setting):
    member, operator, submission = setting
    client.force_login(operator)
    opened = client.get(edit_url(submission, member))
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=complete_report(development="En kollegas tekst"),
        user=operator,
    )
    response = client.post(
        edit_url(submission, member),
        form_data(development="Min egen tekst", edit_token=token_of(opened)),
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Min egen tekst" in page
    assert "Intet blev overskrevet" in page
    submission.refresh_from_db()
    assert submission.answers[report_key(member.pk)]["development"] == "En kollegas tekst"
    again = client.post(
        edit_url(submission, member),
        form_data(development="Min egen tekst", edit_token=token_of(response)),
    )
    assert again.status_code == 302
    submission.refresh_from_db()
    assert submission.answers[report_key(member.pk)]["development"] == "Min egen tekst"


def test_cpr_like_text_is_refused_masked_and_nothing_is_saved(client, setting):
    member, operator, submission = setting
    client.force_login(operator)
    opened = client.get(edit_url(submission, member))
    response = client.post(
        edit_url(submission, member),
        form_data(development="Borger 010190-1234 flyttede", edit_token=token_of(opened)),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "010190-1234" not in page and "010190-****" in page
    submission.refresh_from_db()
    assert report_key(member.pk) not in submission.answers


def test_cpr_like_digits_in_a_number_field_are_not_echoed_either(client, setting):
    member, operator, submission = setting
    client.force_login(operator)
    opened = client.get(edit_url(submission, member))
    data = form_data(occupancy_pct="0101901234", places_day="010190 1234")
    response = client.post(edit_url(submission, member), {**data, "edit_token": token_of(opened)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "0101901234" not in page and "010190 1234" not in page
    assert page.count("CPR-numre") >= 3  # the intro and each field


def test_occupancy_must_be_a_danish_number_in_range(client, setting):
    member, operator, submission = setting
    client.force_login(operator)
    opened = client.get(edit_url(submission, member))
    for bad in ("mange", "250", "96,555"):
        response = client.post(
            edit_url(submission, member), form_data(occupancy_pct=bad, edit_token=token_of(opened))
        )
        assert response.status_code == 400
        assert "Belægning" in response.content.decode()
    submission.refresh_from_db()
    assert report_key(member.pk) not in submission.answers
