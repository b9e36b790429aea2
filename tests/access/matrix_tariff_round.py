"""The tariff round's objects for the access matrix (issue 15): an open tariff round of 2021
with the region's and Aalborg's operator units, an offer of Aalborg's used by Hjørring in 2021
(so covered, as the region's offer always is; Aalborg's other offer is exempted) and each
operator's submission."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from offers.models import Usage
from organisations.models import Organisation, OrganisationUnit
from submissions import services as rounds
from tests.factories import OfferFactory

YEAR = 2021


def _unit(organisation) -> OrganisationUnit:
    unit = organisation.units.order_by("-is_default", "code").first()
    return unit or OrganisationUnit.objects.create(
        organisation=organisation, code=organisation.code, name=organisation.name, is_default=True
    )


def build_tariff_round(region_offer, aalborg) -> SimpleNamespace:
    aalborg_offer = OfferFactory(name="Lindehuset", operator=aalborg)
    Usage.objects.create(
        offer=aalborg_offer,
        year=YEAR,
        acting_municipality=Organisation.objects.get(code="860"),
        places=Decimal("1.00"),
    )
    units = [_unit(region_offer.operator), _unit(aalborg_offer.operator)]
    today = timezone.localdate()
    reporting_round = rounds.round_open(
        reporting_round=rounds.round_create(
            kind="tariff_reporting",
            year=YEAR,
            title=f"Takstindberetning {YEAR}",
            opens_on=today - dt.timedelta(days=2),
            deadline=today + dt.timedelta(days=20),
            units=units,
        )
    )
    region_sub, aalborg_sub = (
        rounds.submission_for(reporting_round=reporting_round, unit=unit) for unit in units
    )
    return SimpleNamespace(
        round=reporting_round,
        region_submission=region_sub,
        aalborg_submission=aalborg_sub,
        aalborg_offer=aalborg_offer,
    )
