"""The enhanced cooperation's objects for the access matrix (issue 14): members of 2019–2020
of the region's offer and of Aalborg's, a third member (the region's) that has given notice of
leaving, the year's round of 2019 open with each operator's submission, a nomination by
Hjørring, a draft remark by the expert panel's persona and an early joint action."""

import datetime as dt
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from enhanced_cooperation import services_round
from enhanced_cooperation.models import Exit, JointAction, Remark
from organisations.models import Organisation, OrganisationUnit
from submissions import services as rounds
from tests.access.matrix_rules import PANEL
from tests.factories.enhanced_cooperation import MemberFactory, NominationFactory, PeriodFactory


def _operator_units(offers) -> None:
    for offer in offers:
        operator = offer.operator
        if not operator.units.exists():
            OrganisationUnit.objects.create(
                organisation=operator, code=operator.code, name=operator.name, is_default=True
            )


def build_enhanced_cooperation(region_offer, aalborg_offer, other_offer):
    _operator_units([region_offer, aalborg_offer])
    period = PeriodFactory(start_year=2019)
    region_member = MemberFactory(period=period, name="Kvistens Center", offers=[region_offer])
    aalborg_member = MemberFactory(period=period, name="Løvdals Center", offers=[aalborg_offer])
    leaving = MemberFactory(period=period, name="Bøgehusets Center", offers=[other_offer])
    today = timezone.localdate()
    with TestCase.captureOnCommitCallbacks(execute=True):
        ec_round = services_round.year_round_open(
            year=2019, opens_on=today - dt.timedelta(days=3), deadline=today + dt.timedelta(days=20)
        )
    exit_ = Exit.objects.create(
        member=leaving, given_by=other_offer.operator, noticed_on=today, reason="Faldende behov"
    )
    submissions = {
        member: rounds.submission_for(
            reporting_round=ec_round,
            unit=services_round.operator_unit(member.offers.get().operator),
        )
        for member in (region_member, aalborg_member)
    }
    panel_user = get_user_model().objects.get(username=PANEL)
    return SimpleNamespace(
        period=period,
        round=ec_round,
        region_member=region_member,
        aalborg_member=aalborg_member,
        leaving_member=leaving,
        exit=exit_,
        region_submission=submissions[region_member],
        aalborg_submission=submissions[aalborg_member],
        nomination=NominationFactory(
            round=ec_round, offer=other_offer, nominated_by=Organisation.objects.get(code="860")
        ),
        remark=Remark.objects.create(
            round=ec_round, member=region_member, author=panel_user, text="Høj belægning."
        ),
        joint_action=JointAction.objects.create(
            member=aalborg_member, year=2019, opened_on=today, reason="Faldende behov"
        ),
    )
