"""The tariff round reopened in autumn (SPEC §3.1, issue 15): the secretariat opens the closed
round again through the round engine and reopens the operator's handed-in submission; the
operator reports again and the tariff goes back through review. An approved tariff is
returned for correction only while the round is open: it is provisional until approved anew."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from submissions import services as rounds
from submissions import services_tariff_round as glue
from submissions.models import SubmissionStatus
from tariffs import services_round
from tariffs.models import Tariff, TariffStatus
from tariffs.selectors import tariff_round as reads
from tests.posted import posted
from tests.submissions.tariff_round_data import build, report_values


@pytest.fixture
def world(aalborg, hjorring):
    return build(aalborg, hjorring)


def report(world, user, **changes):
    return glue.offer_tariff_report(
        submission=world.submission, offer=world.offer, user=user, **report_values(**changes)
    )


def hand_in(world, user):
    rounds.submission_submit(submission=world.submission, user=user)
    world.submission.refresh_from_db()


def test_a_closed_round_is_reopened_and_the_operator_reports_again(
    world, aalborg_operator, secretariat
):
    report(world, aalborg_operator)
    hand_in(world, aalborg_operator)
    rounds.round_close(reporting_round=world.round)
    with pytest.raises(ValidationError):  # closed (and handed in): nothing changes
        report(world, aalborg_operator, comment="Efterår")
    rounds.round_open(reporting_round=world.round)
    rounds.submission_reopen(
        submission=world.submission, reason="Efterårsrettelse", user=secretariat
    )
    world.submission.refresh_from_db()
    tariff = report(world, aalborg_operator, comment="Efterår")
    assert tariff.note == "Efterår" and reads.state_of(tariff) == reads.REPORTED
    hand_in(world, aalborg_operator)
    assert world.submission.versions.count() == 2
    services_round.round_tariffs_approve(tariffs=[tariff], user=secretariat)
    assert Tariff.objects.get(pk=tariff.pk).status == TariffStatus.FINAL


def review_offer(client, world):
    url = reverse("submissions:tariff_review_offer", args=[world.round.pk, world.offer.pk])
    return url, client.get(url).content.decode()


def test_an_approved_tariff_is_reopened_for_correction_in_autumn(
    client, world, aalborg_operator, secretariat
):
    tariff = report(world, aalborg_operator)
    hand_in(world, aalborg_operator)
    services_round.round_tariffs_approve(tariffs=[tariff], user=secretariat)
    rounds.round_close(reporting_round=world.round)
    client.force_login(secretariat)
    url, page = review_offer(client, world)
    assert 'id="reopen-note"' in page and 'value="return"' not in page
    with pytest.raises(ValidationError):  # closed: the operator could not correct it
        glue.offer_tariff_return(
            reporting_round=world.round, tariff=tariff, comments={"": "Ret"}, user=secretariat
        )

    rounds.round_open(reporting_round=world.round)
    url, page = review_offer(client, world)
    assert "Genåbn den godkendte takst til rettelse" in page
    data = posted(page, "comment_1")
    data.update({"comment_1": "Ret Pakke 1 efter ny normering", "action": "return"})
    assert client.post(url, data).status_code == 302
    tariff.refresh_from_db()
    assert tariff.status == TariffStatus.PROVISIONAL and reads.state_of(tariff) == reads.RETURNED
    world.submission.refresh_from_db()
    assert world.submission.status == SubmissionStatus.REOPENED

    corrected = report(world, aalborg_operator, comment="Rettet")
    assert reads.state_of(corrected) == reads.REPORTED
    hand_in(world, aalborg_operator)
    services_round.round_tariffs_approve(tariffs=[corrected], user=secretariat)
    assert Tariff.objects.get(pk=tariff.pk).status == TariffStatus.FINAL


def test_the_approve_button_is_not_offered_on_an_approved_tariff(
    client, world, aalborg_operator, secretariat
):
    tariff = report(world, aalborg_operator)
    services_round.round_tariffs_approve(tariffs=[tariff], user=secretariat)
    client.force_login(secretariat)
    url, page = review_offer(client, world)
    assert 'value="approve"' not in page
    data = posted(page, "comment_1") | {"action": "approve"}
    client.post(url, data)
    assert Tariff.objects.get(pk=tariff.pk).status == TariffStatus.FINAL
