"""What-if scenarios stored and adopted (issue 15): "Hjørring inside the area" on Socialtilsyn
Nord's 2018 foster-family budget shows every municipality's change and sums exactly to the
budget; a scenario leaves the real split untouched until it is adopted, and adopting makes a
new key and a new split version, all or nothing."""

from decimal import Decimal

import pytest

from audit.models import AuditEntry
from organisations.models import Organisation, PopulationFigure
from socialaftale.lib.edits import StaleEdit
from tariffs.calculations import CalculationError
from tariffs.models import DistributionKey, FinancingSplit, FinancingSplitRow, Scenario
from tariffs.services import split_compute
from tariffs.services_scenarios import (
    ScenarioChanges,
    ScenarioRefused,
    scenario_adopt,
    scenario_create,
    scenario_token,
    scenario_update,
)
from tests.factories import PopulationFigureFactory
from tests.tariffs.scenario_support import (
    BUDGET_2018,
    Q2_2017,
    foster_family_scheme_2018,
    hjorring_inside,
)
from tests.tariffs.test_calculations import CHILDREN_0_17_2017Q2

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme(db):
    return foster_family_scheme_2018()


def rows_by_party(scenario):
    return {
        row.organisation.short_name: row for row in scenario.rows.select_related("organisation")
    }


def real_figures(scheme):
    """Everything a scenario must not touch before it is adopted."""
    scheme.refresh_from_db()
    rows = FinancingSplitRow.objects.filter(split__scheme=scheme).order_by("pk")
    return (
        scheme.total,
        scheme.key_id,
        list(scheme.key.rows.values_list("organisation_id", "weight")),
        list(rows.values_list("split__version", "organisation_id", "amount")),
        DistributionKey.objects.count(),
    )


def test_hjorring_inside_the_area_every_party_pays_less_and_hjorring_its_share(scheme):
    scenario = hjorring_inside(scheme)
    rows = rows_by_party(scenario)
    assert list(rows)[-1] == "Hjørring"
    for party, _count in CHILDREN_0_17_2017Q2:
        row = rows[party]
        assert row.amount < row.today_amount, party
        assert row.change == row.amount - row.today_amount
    assert rows["Aalborg"].today_amount == Decimal("6096072")
    hjorring = rows["Hjørring"]
    assert hjorring.today_amount is None and hjorring.amount == Decimal("1860166")
    assert hjorring.weight == 13117 and hjorring.share_pct == Decimal("9.7")


def test_both_totals_sum_exactly_to_the_budget_with_the_rounding_note(scheme):
    scenario = hjorring_inside(scheme)
    rows = scenario.rows.all()
    assert sum(r.today_amount for r in rows if r.today_amount is not None) == BUDGET_2018
    assert sum(r.amount for r in rows) == BUDGET_2018 == scenario.result_total
    assert sum(r.share_pct for r in rows) == 100
    assert "største-rest-metoden" in scenario.method
    assert scenario.base_split.version == 1


def test_a_scenario_not_adopted_leaves_the_real_split_untouched(scheme):
    before = real_figures(scheme)
    scenario = hjorring_inside(scheme)
    changes = ScenarioChanges(name="Indekseret", price_factor=Decimal("1.0159"))
    scenario_update(scenario=scenario, changes=changes, user=None)
    assert real_figures(scheme) == before
    assert scheme.splits.count() == 1


def test_adopting_makes_a_new_key_and_split_version_with_the_scenario_s_figures(scheme):
    scenario = hjorring_inside(scheme)
    old_key = scheme.key
    split = scenario_adopt(scenario=scenario, user=None)
    scheme.refresh_from_db()
    assert split.version == 2 and scheme.key != old_key
    assert scheme.key.rows.count() == 12 and old_key.rows.count() == 11
    new = {r.organisation.short_name: r.amount for r in split.rows.select_related("organisation")}
    assert new == {party: row.amount for party, row in rows_by_party(scenario).items()}
    assert sum(new.values()) == BUDGET_2018
    scenario.refresh_from_db()
    assert scenario.adopted_at and scenario.adopted_split == split
    entry = AuditEntry.objects.get(object_id=str(scenario.pk), action="approved")
    assert entry.summary == "Scenariet er vedtaget som version 2 af fordelingen"
    with pytest.raises(ScenarioRefused):
        scenario_adopt(scenario=scenario, user=None)


def test_an_adopted_total_changes_the_scheme_s_total_and_keeps_its_key(scheme):
    changes = ScenarioChanges(name="2019-priser", price_factor=Decimal("1.0159"))
    scenario = scenario_create(scheme=scheme, changes=changes, user=None)
    key = scheme.key
    split = scenario_adopt(scenario=scenario, user=None)
    scheme.refresh_from_db()
    assert scheme.total == split.total == Decimal("19515192") and scheme.key == key


def test_adopting_after_a_new_split_version_is_refused_and_changes_nothing(scheme):
    scenario = hjorring_inside(scheme)
    split_compute(scheme=scheme, user=None)
    before = real_figures(scheme)
    with pytest.raises(ScenarioRefused, match="ny fordeling"):
        scenario_adopt(scenario=scenario, user=None)
    assert real_figures(scheme) == before
    scenario.refresh_from_db()
    assert scenario.adopted_at is None


def test_a_stale_edit_is_refused(scheme):
    scenario = hjorring_inside(scheme)
    token = scenario_token(scenario)
    scenario_update(
        scenario=scenario, changes=ScenarioChanges(name="Først"), user=None, expected_token=token
    )
    with pytest.raises(StaleEdit):
        scenario_update(
            scenario=scenario,
            changes=ScenarioChanges(name="Anden"),
            user=None,
            expected_token=token,
        )
    scenario.refresh_from_db()
    assert scenario.name == "Først"


def test_a_missing_population_figure_is_named_and_nothing_is_saved(scheme):
    viborg = Organisation.objects.create(
        kind="municipality", code="791", name="Viborg Kommune", short_name="Viborg"
    )
    changes = ScenarioChanges(
        name="Viborg med", population_date=Q2_2017, age_band="0-17", added=[viborg]
    )
    with pytest.raises(CalculationError, match="intet befolkningstal .* for Viborg"):
        scenario_create(scheme=scheme, changes=changes, user=None)
    assert not Scenario.objects.exists()


def test_another_year_s_figures_reweigh_every_party(scheme):
    for party, count in CHILDREN_0_17_2017Q2:
        organisation = Organisation.objects.get(short_name=party)
        PopulationFigureFactory(
            organisation=organisation, reference_date=Q2_2017.replace(year=2018), count=count - 10
        )
    changes = ScenarioChanges(
        name="2018-tal",
        key_basis="population",
        population_date=Q2_2017.replace(year=2018),
        age_band="0-17",
    )
    scenario = scenario_create(scheme=scheme, changes=changes, user=None)
    assert rows_by_party(scenario)["Læsø"].weight == 231
    assert sum(r.amount for r in scenario.rows.all()) == BUDGET_2018
    assert FinancingSplit.objects.count() == 1


def test_adopting_after_the_population_figures_changed_is_refused(scheme):
    scenario = hjorring_inside(scheme)
    figure = Organisation.objects.get(code="860").population_figures.get(age_band="0-17")
    PopulationFigure.objects.filter(pk=figure.pk).update(count=20000)
    before = real_figures(scheme)
    with pytest.raises(ScenarioRefused, match="Scenariets tal har ændret sig"):
        scenario_adopt(scenario=scenario, user=None)
    assert real_figures(scheme) == before
