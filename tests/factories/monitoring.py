"""Citizen lists and expenditure analysis runs; citizen_lists() imports lists as a unit would."""

import datetime as dt
from decimal import Decimal

import factory

from monitoring.models import AnalysisRun, CitizenListUpload, CitizenMonth
from monitoring.services import citizen_list_import
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MunicipalityFactory, RegionFactory, UnitFactory
from tests.factories.tariffs import ReductionTargetFactory


class CitizenListUploadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenListUpload

    unit = factory.SubFactory(UnitFactory)
    filename = "liste.csv"
    checksum = factory.Sequence(lambda n: f"{n:064x}")
    row_count = 1
    citizen_count = 1
    total = Decimal("1000.00")


class CitizenMonthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenMonth

    upload = factory.SubFactory(CitizenListUploadFactory)
    unit = factory.SelfAttribute("upload.unit")
    citizen = factory.Sequence(lambda n: f"ps-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    offer = factory.SubFactory(OfferFactory)
    month = dt.date(2019, 1, 1)
    amount = Decimal("1000.00")


class AnalysisRunFactory(factory.django.DjangoModelFactory):
    """A queued run; analysis_run_create computes one."""

    class Meta:
        model = AnalysisRun

    measure = "2019-01"
    version = factory.Sequence(lambda n: n + 1)


TARGETS = {2017: "1.0", 2018: "0.5", 2019: "0.5"}  # tariff and dialogue reduction, per cent


def citizen_lists(lists, *, offers=("Kvisten", "Løvdal"), filename="liste.csv"):
    """Regional offers (always covered), the reduction targets 2017-2019 and each
    municipality's citizen list imported by its default unit: lists = {municipality: csv}."""
    region = RegionFactory()
    for name in offers:
        OfferFactory(name=name, operator=region)
    for year, pct in TARGETS.items():
        ReductionTargetFactory(
            year=year, tariff_reduction_pct=Decimal(pct), dialogue_reduction_pct=Decimal(pct)
        )
    for organisation, text in lists.items():
        citizen_list_import(
            data=text.encode(),
            filename=filename,
            user=None,
            unit=UnitFactory(organisation=organisation),
        )
