"""flags_for_year and flags_for_member read the figures of the offers, annual reports and
demand/capacity submissions; in a fixed number of queries."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from enhanced_cooperation.flags import flags_for_member, flags_for_year
from enhanced_cooperation.reports import report_key
from offers.models import ExtraPlaces
from submissions.models import SubmissionVersion
from submissions.questionnaire import CURRENT_VERSION
from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory, complete_report
from tests.factories.offers import CapacityFactory, OfferFactory, TargetGroupFactory, UsageFactory
from tests.factories.organisations import MunicipalityFactory, UnitFactory
from tests.factories.submissions import (
    ReportingRoundFactory,
    SubmissionFactory,
    complete_answers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def flagged_member(period=None):
    """A member whose four signals all point to falling demand in 2019."""
    group = TargetGroupFactory(slug="sindslidelse", name="Sindslidelse")
    offer = OfferFactory(age_group="adults")
    offer.target_groups.set([group])
    member = MemberFactory(period=period or PeriodFactory(start_year=2019), offers=[offer])
    buyer = MunicipalityFactory()
    for year, places in ((2016, "14"), (2017, "12"), (2018, "9")):
        UsageFactory(offer=offer, year=year, acting_municipality=buyer, places=D(places))
    UsageFactory(offer=offer, year=2019, acting_municipality=buyer, places=D(20), is_expected=True)
    CapacityFactory(offer=offer, year=2016, occupancy_pct=D("97"))
    CapacityFactory(offer=offer, year=2017, occupancy_pct=D("92.5"))
    # 2018's occupancy is the annual report's (the round of 2019 asks for the reports for 2018)
    capacity = CapacityFactory(offer=offer, year=2018, occupancy_pct=D("90"), base_kind="day")
    ExtraPlaces.objects.create(capacity=capacity, kind="respite", places=2)
    report_round(
        member,
        2019,
        complete_report(occupancy_pct="88", demand="falling", demand_text="Færre henvisninger"),
    )
    return member


def report_round(member, year, report, status="submitted"):
    unit = UnitFactory(organisation=member.offers.first().operator)
    reporting_round = ReportingRoundFactory(kind="annual_report", year=year)
    SubmissionFactory(
        round=reporting_round, unit=unit, status=status, answers={report_key(member.pk): report}
    )


def demand_round(year, needs_by_municipality):
    reporting_round = ReportingRoundFactory(kind="demand_capacity", year=year)
    for number, (name, needs) in enumerate(needs_by_municipality):
        unit = UnitFactory(
            organisation=MunicipalityFactory(short_name=name, name=f"{name} Kommune")
        )
        submission = SubmissionFactory(round=reporting_round, unit=unit, status="submitted")
        answers = complete_answers()
        answers["A2"] = {"no_changes": False, "falling": needs, "rising": []}
        SubmissionVersion.objects.create(
            submission=submission,
            number=1,
            form_version=CURRENT_VERSION,
            answers=answers,
            checksum="x",
            receipt_code=f"KV-{year}-{number}",
            submitted_at=timezone.now(),
        )


NEED = {"place": "day", "age": "adults", "target_group": "sindslidelse", "reason": "Eget tilbud"}


def test_every_signal_of_a_member():
    member = flagged_member()
    demand_round(2019, [("Hjørring", [NEED]), ("Thisted", [NEED]), ("Rebild", [])])
    flags = {flag.signal: flag.text for flag in flags_for_member(member, 2019)}
    assert flags == {
        "usage": "Forbruget hos handlekommunerne er faldet fra 12 pladser i 2017 til 9 i "
        "2018. Gennemsnit 2016–2017: 13 pladser.",
        "occupancy": "Belægningen er faldet to år i træk: 97,0 % i 2016, 92,5 % i 2017, "
        "88,0 % i 2018.",
        "operator": "Driftsherren melder om faldende efterspørgsel i årsrapporten for 2018. "
        "»Færre henvisninger«",
        "submissions": "2 kommuner melder om faldende behov for tilbuddenes pladstyper: "
        "Dagplads, voksne, Sindslidelse (Hjørring Kommune, Thisted Kommune).",
    }
    assert list(flags_for_year(2019)) == [member.pk]


def test_drafts_other_members_and_other_years_do_not_count():
    member = MemberFactory(period=PeriodFactory(start_year=2019))
    other = MemberFactory(period=member.period)
    report_round(other, 2019, complete_report(demand="falling", demand_text="x"))
    # the member's own report is only a draft; the demand round is of another year
    report_round(member, 2019, complete_report(demand="falling", demand_text="x"), status="draft")
    demand_round(2018, [("Hjørring", [NEED])])
    result = flags_for_year(2019)
    assert result[member.pk] == []
    assert [f.signal for f in result[other.pk]] == ["operator"]


def test_unknown_year_has_no_members():
    MemberFactory(period=PeriodFactory(start_year=2019))
    assert flags_for_year(2031) == {}


def test_a_constant_number_of_queries():
    period = PeriodFactory(start_year=2019)
    flagged_member(period)
    demand_round(2019, [("Hjørring", [NEED])])
    with CaptureQueriesContext(connection) as one:
        flags_for_year(2019)
    for _ in range(3):
        offer = OfferFactory(age_group="adults")
        MemberFactory(period=period, offers=[offer, OfferFactory()])
        CapacityFactory(offer=offer, year=2018, occupancy_pct=D("70"))
        UsageFactory(offer=offer, year=2018)
    with CaptureQueriesContext(connection) as four:
        result = flags_for_year(2019)
    assert len(result) == 4
    assert len(four) == len(one)


def test_left_members_are_not_members_of_the_year():
    member = MemberFactory(period=PeriodFactory(start_year=2019))
    member.ends_on, member.end_reason = dt.date(2019, 12, 31), "Udtrådt"
    member.save()
    assert list(flags_for_year(2020)) == []
    assert list(flags_for_year(2019)) == [member.pk]
