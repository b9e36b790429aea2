"""`load_demo_data` builds the register from the published reference files (this test checks
the loader itself, so it reads fixtures/ on purpose)."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from offers.models import Offer, PlaceStatistic
from offers.selectors import with_coverage
from organisations.models import Organisation, OrganisationUnit, PopulationFigure, SupervisionArea

OFFERS_CSV = Path(settings.BASE_DIR) / "fixtures" / "reference" / "offers.csv"


@pytest.fixture
def reference(db):
    call_command("load_demo_data", "--reference-only", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_reference_data_has_the_parties_units_and_the_supervision_area(reference):
    assert Organisation.objects.municipalities().parties().count() == 11
    assert Organisation.objects.regions().parties().get().code == "1081"
    assert OrganisationUnit.objects.filter(is_default=True).count() == 14
    assert set(
        OrganisationUnit.objects.filter(organisation__code="851").values_list("code", flat=True)
    ) == {"851", "851-FB", "851-AEH"}
    area = SupervisionArea.objects.get(name="Socialtilsyn Nord")
    members = set(area.members.values_list("short_name", flat=True))
    assert "Hjørring" not in members and "Silkeborg" in members and len(members) == 11
    children = PopulationFigure.objects.filter(age_band="0-17", organisation__in=area.members.all())
    assert sum(children.values_list("count", flat=True)) == 122341


def test_the_49_published_offers_are_loaded_and_coverage_matches_the_published_list(reference):
    with OFFERS_CSV.open(encoding="utf-8") as handle:
        published = {row["name"]: row["covered_by_agreement"] for row in csv.DictReader(handle)}
    assert Offer.objects.count() == len(published) == 49
    derived = {o.name: o.covered for o in with_coverage(Offer.objects.all(), 2019)}
    for name, answer in published.items():
        if answer in ("yes", "no"):
            assert derived[name] is (answer == "yes"), name


def test_places_2018_add_up_to_the_published_totals(reference):
    rows = PlaceStatistic.objects.filter(year=2018)
    assert sum(r.municipal_places for r in rows) == 3956
    assert sum(r.private_places for r in rows) == 2651
    assert sum(r.agreement_places for r in rows) == 2205


def test_loading_twice_changes_nothing_and_reference_only_creates_no_users(reference):
    counts = (Offer.objects.count(), Organisation.objects.count(), PopulationFigure.objects.count())
    call_command("load_demo_data", "--reference-only", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        Offer.objects.count(),
        Organisation.objects.count(),
        PopulationFigure.objects.count(),
    )
    assert get_user_model().objects.count() == 0


def test_full_demo_data_creates_a_user_per_role(db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    users = get_user_model().objects.values_list("username", flat=True)
    assert {"sekretariat", "aalborg-fb", "hjorring", "region-drift", "das-medlem"} <= set(users)


def test_reference_data_includes_the_published_tariff_and_budget_figures(reference):
    from decimal import Decimal

    from tariffs.models import FinancingScheme, MixedFinancing, SupervisionTariff

    scheme = FinancingScheme.objects.get(year=2018)
    rows = {r.organisation.short_name: r.amount for r in scheme.splits.get().rows.all()}
    assert rows["Aalborg"] == Decimal("6096072") and rows["Læsø"] == Decimal("37841")
    assert sum(rows.values()) == scheme.total == Decimal("19209757")
    assert SupervisionTariff.objects.count() == 12
    assert MixedFinancing.objects.get().offer.name == "Børnehus Nord"
