"""The tariff round's writes (issue 15): the prefill with the price index, the change
against the target and the reason it needs, return with a comment, approve many, and stale
edits refused, each all or nothing."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from organisations.models import OrganisationUnit
from socialaftale.lib.edits import StaleEdit
from submissions import services as rounds
from submissions import services_tariff_round as glue
from submissions.models import SubmissionStatus
from submissions.tariff_round import missing_in_submission, offer_rows, submission_offers
from tariffs import services_round
from tariffs.models import RoundState, Tariff, TariffStatus
from tariffs.selectors import tariff_round as reads
from tests.factories import OfferFactory
from tests.factories.offers import UsageFactory
from tests.submissions.tariff_round_data import YEAR, build, report_values


@pytest.fixture
def world(aalborg, hjorring):
    return build(aalborg, hjorring)


def report(world, user, **changes):
    return glue.offer_tariff_report(
        submission=world.submission, offer=world.offer, user=user, **report_values(**changes)
    )


def test_the_form_starts_from_last_years_tariff_with_the_price_index_applied(world):
    previous = reads.previous_values(world.offer, YEAR)
    assert previous.factor == D("1.02") and previous.unit == "day"
    assert previous.components == [("base", "", D("1020.00")), ("service", "Pakke 1", D("510.00"))]
    assert reads.target_pct(YEAR) == D("0.5")


def test_only_the_operators_covered_offers_are_in_its_submission(world):
    assert list(submission_offers(world.submission)) == [world.offer]


def test_a_tariff_that_meets_the_target_is_reported_with_its_cost_lines(world, aalborg_operator):
    tariff = report(world, aalborg_operator, comment="Uændret normering")
    entry = tariff.round_entry
    assert tariff.status == TariffStatus.PROVISIONAL and tariff.note == "Uændret normering"
    assert entry.state == RoundState.REPORTED and entry.occupancy_pct == D("95.0")
    assert entry.cost_lines == {"personnel": "300000.00", "administration": "20000.00"}
    assert reads.state_of(tariff) == reads.REPORTED
    world.submission.refresh_from_db()
    assert world.submission.answers[f"tariff-{world.offer.pk}"]["offer"] == "Kastanjehuset"
    assert AuditEntry.objects.filter(summary__icontains="takstrunde").exists()


def test_a_component_over_the_target_needs_a_reason_and_nothing_is_saved_without(
    world, aalborg_operator
):
    over = [("base", "", D("1030.20")), ("service", "Pakke 1", D("507.45"))]
    with pytest.raises(ValidationError) as refused:
        report(world, aalborg_operator, components=over)
    assert "Basistakst" in refused.value.messages[0] and "begrundelse" in refused.value.messages[0]
    assert not Tariff.objects.filter(year=YEAR).exists()
    tariff = report(world, aalborg_operator, components=over, reasons={"base:": "Ny nattevagt"})
    assert tariff.round_entry.reasons == {"base:": "Ny nattevagt"}


def test_returned_with_a_comment_on_a_component_and_reported_again(
    world, aalborg_operator, secretariat
):
    tariff = report(world, aalborg_operator)
    rounds.submission_submit(submission=world.submission, user=aalborg_operator)
    glue.offer_tariff_return(
        reporting_round=world.round,
        tariff=tariff,
        comments={"service:pakke 1": "Hvorfor faldet?", "base:": ""},
        user=secretariat,
    )
    tariff.refresh_from_db()
    assert reads.state_of(tariff) == reads.RETURNED
    assert tariff.round_entry.return_comments == {"service:pakke 1": "Hvorfor faldet?"}
    world.submission.refresh_from_db()
    assert world.submission.status == SubmissionStatus.REOPENED
    assert [row.state for row in offer_rows(world.round, [world.offer])] == [reads.RETURNED]
    assert missing_in_submission(world.submission)  # a returned offer is reported again
    tariff = report(world, aalborg_operator)
    assert reads.state_of(tariff) == reads.REPORTED and tariff.round_entry.return_comments == {}


def test_a_return_without_any_comment_is_refused(world, aalborg_operator, secretariat):
    tariff = report(world, aalborg_operator)
    with pytest.raises(ValidationError):
        services_round.round_tariff_return(tariff=tariff, comments={"": " "}, user=secretariat)
    assert Tariff.objects.get(year=YEAR).round_entry.state == RoundState.REPORTED


def test_approve_many_makes_each_final_or_none(world, aalborg_operator, secretariat, hjorring):
    first = report(world, aalborg_operator)
    other = build_second_offer(world, aalborg_operator)
    services_round.round_tariff_return(tariff=other, comments={"": "Ret"}, user=secretariat)
    with pytest.raises(ValidationError):
        services_round.round_tariffs_approve(tariffs=[first, other], user=secretariat)
    assert not Tariff.objects.filter(status=TariffStatus.FINAL, year=YEAR).exists()
    approved = services_round.round_tariffs_approve(tariffs=[first], user=secretariat)
    assert [t.status for t in approved] == [TariffStatus.FINAL]
    assert AuditEntry.objects.filter(action="approved").count() == 1
    with pytest.raises(ValidationError):  # final: not reported again
        report(world, aalborg_operator)


def build_second_offer(world, user):
    offer = OfferFactory(name="Birkehuset", operator=world.offer.operator)
    UsageFactory(
        offer=offer, year=YEAR, acting_municipality=world.offer.usages.get().acting_municipality
    )
    return services_round.round_tariff_report(offer=offer, year=YEAR, user=user, **report_values())


def test_a_stale_report_and_a_stale_approval_are_refused(world, aalborg_operator, secretariat):
    shown = services_round.round_token(world.offer, YEAR)
    report(world, aalborg_operator)
    with pytest.raises(StaleEdit):
        report(world, aalborg_operator, expected_token=shown, comment="Overskriver")
    assert Tariff.objects.get(year=YEAR).note == ""
    tariff = Tariff.objects.get(year=YEAR)
    listed = services_round.round_token(world.offer, YEAR)
    report(world, aalborg_operator, comment="Rettet")
    with pytest.raises(StaleEdit):
        services_round.round_tariffs_approve(
            tariffs=[tariff], user=secretariat, expected_tokens={tariff.pk: listed}
        )
    assert Tariff.objects.get(year=YEAR).status == TariffStatus.PROVISIONAL


def test_the_years_round_is_opened_with_each_operator_of_a_covered_offer(aalborg, hjorring):
    UsageFactory(offer=OfferFactory(operator=aalborg), year=2031, acting_municipality=hjorring)
    OfferFactory(operator=hjorring)  # not used by others: not covered
    with pytest.raises(ValidationError):  # Aalborg has no unit yet
        glue.tariff_round_open(
            year=2031, opens_on=dt.date(2031, 4, 1), deadline=dt.date(2031, 8, 31)
        )
    unit = OrganisationUnit.objects.create(
        organisation=aalborg, code="851", name="Aalborg", is_default=True
    )
    opened = glue.tariff_round_open(
        year=2031, opens_on=dt.date(2031, 4, 1), deadline=dt.date(2031, 8, 31)
    )
    assert list(opened.units.all()) == [unit] and opened.status == "open"
    assert opened.title == "Takster 2031"
    with pytest.raises(ValidationError):
        glue.tariff_round_open(
            year=2031, opens_on=dt.date(2031, 4, 1), deadline=dt.date(2031, 8, 31)
        )
