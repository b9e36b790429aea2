"""A tariff round of 2020 for the tests: Aalborg's covered offer (used by Hjørring) with its
final 2019 tariff (base 1.000,00 kr., Pakke 1 500,00 kr.), the 2019 → 2020 price index 1,02,
the 2020 target 0,5 %, an offer of Aalborg that is not covered and the region's offer."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from organisations.models import OrganisationUnit
from submissions import services as rounds
from tariffs.models import TariffComponent, TariffStatus
from tests.factories import OfferFactory, RegionFactory
from tests.factories.offers import UsageFactory
from tests.factories.tariffs import PriceIndexFactory, ReductionTargetFactory, TariffFactory

YEAR = 2020
D = Decimal


def last_year_tariff(offer, base="1000.00", package="500.00"):
    tariff = TariffFactory(
        offer=offer, year=YEAR - 1, status=TariffStatus.FINAL, approved_at=timezone.now()
    )
    TariffComponent.objects.create(tariff=tariff, kind="base", amount=D(base))
    TariffComponent.objects.create(
        tariff=tariff, kind="service", package="Pakke 1", amount=D(package)
    )
    return tariff


def build(aalborg, hjorring):
    unit = OrganisationUnit.objects.filter(organisation=aalborg, is_default=True).first()
    unit = unit or OrganisationUnit.objects.create(
        organisation=aalborg, code="851", name="Aalborg Kommune", is_default=True
    )
    offer = OfferFactory(name="Kastanjehuset", operator=aalborg)
    UsageFactory(offer=offer, year=YEAR, acting_municipality=hjorring)
    uncovered = OfferFactory(name="Egehuset", operator=aalborg)
    region_offer = OfferFactory(name="Sødisbakke", operator=RegionFactory())
    last_year_tariff(offer)
    PriceIndexFactory(from_year=YEAR - 1, to_year=YEAR, factor=D("1.02"))
    ReductionTargetFactory(year=YEAR, tariff_reduction_pct=D("0.5"))
    today = timezone.localdate()
    reporting_round = rounds.round_open(
        reporting_round=rounds.round_create(
            kind="tariff_reporting",
            year=YEAR,
            title=f"Takster {YEAR}",
            opens_on=today - dt.timedelta(days=1),
            deadline=today + dt.timedelta(days=30),
            units=[unit],
        )
    )
    submission = rounds.submission_for(reporting_round=reporting_round, unit=unit)
    return SimpleNamespace(
        round=reporting_round,
        unit=unit,
        submission=submission,
        offer=offer,
        uncovered=uncovered,
        region_offer=region_offer,
    )


def report_values(**changes):
    """Values for round_tariff_report that meet the target (1.014,90 and 507,45 kr.)."""
    values = {
        "unit": "day",
        "components": [("base", "", D("1014.90")), ("service", "Pakke 1", D("507.45"))],
        "occupancy_pct": D("95.0"),
        "cost_lines": {"personnel": D("300000.00"), "administration": D("20000.00")},
        "comment": "",
        "reasons": {},
    }
    values.update(changes)
    return values
