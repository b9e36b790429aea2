"""The budget run as a job: progress after each scheme, one failing scheme fails the run in
Danish with nothing of it stored, "run again" goes on from it so no scheme is computed twice,
and imported population figures request the runs whose key reads them."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import TestCase
from django.utils import translation

from organisations.services import population_import
from socialaftale.lib import jobs
from tariffs import services_runs
from tariffs.models import BudgetRun, FinancingSplit, FinancingSplitRow, KeyRule
from tariffs.services import scheme_define
from tariffs.services_runs import budget_run_compute, budget_run_request, budget_run_retry
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.organisations import (
    MunicipalityFactory,
    PopulationFigureFactory,
    SupervisionAreaFactory,
)
from tests.factories.tariffs import DistributionKeyRowFactory, FinancingSchemeFactory

D = Decimal


@pytest.fixture
def world(db):
    aalborg = MunicipalityFactory(short_name="Aalborg", name="Aalborg Kommune", code="851")
    laeso = MunicipalityFactory(short_name="Læsø", name="Læsø Kommune", code="825")
    area = SupervisionAreaFactory(name="Tilsynet", host=aalborg)
    area.members.set([aalborg, laeso])
    PopulationFigureFactory(
        organisation=aalborg, reference_date=date(2018, 4, 1), age_band="0-17", count=38824
    )
    fixed = FinancingSchemeFactory(name="A fast nøgle", year=2019, total=D(1000))
    DistributionKeyRowFactory(key=fixed.key, organisation=aalborg, weight=D(3))
    DistributionKeyRowFactory(key=fixed.key, organisation=laeso, weight=D(1))
    population = scheme_define(
        name="B 0-17-årige",
        year=2019,
        key_rule=KeyRule.POPULATION,
        total=D(20253203),
        age_band="0-17",
        area=area,
    )
    return {"aalborg": aalborg, "laeso": laeso, "fixed": fixed, "population": population}


def _request(**kwargs) -> BudgetRun:
    with TestCase.captureOnCommitCallbacks(execute=True):
        run = budget_run_request(year=2019, user=None, **kwargs)
    run.refresh_from_db()
    return run


def _splits(scheme) -> int:
    return FinancingSplit.objects.filter(scheme=scheme).count()


def test_the_job_is_registered_for_the_sweep():
    assert BudgetRun in jobs.registered_models()


def test_progress_is_reported_after_each_scheme(world, monkeypatch):
    PopulationFigureFactory(
        organisation=world["laeso"], reference_date=date(2018, 4, 1), age_band="0-17", count=241
    )
    seen, report = [], jobs.report
    monkeypatch.setattr(
        services_runs.jobs,
        "report",
        lambda job, **c: seen.append(c["progress"]) or report(job, **c),
    )
    run = _request()
    assert seen == [0, 50, 99]
    assert (run.status, run.progress) == ("done", 100)
    assert [item["name"] for item in run.result["schemes"]] == ["A fast nøgle", "B 0-17-årige"]


def test_a_failing_scheme_fails_the_run_in_danish_and_run_again_goes_on_from_it(world):
    with translation.override("da"):
        run = _request()
    assert (run.status, run.progress) == ("failed", 50)
    assert run.error.startswith("Budgetkørslen stoppede ved B 0-17-årige 2019: Der er ingen")
    assert "kør igen for at beregne resten" in run.error
    assert "Læsø" in run.error
    assert (_splits(world["fixed"]), _splits(world["population"])) == (1, 0)
    PopulationFigureFactory(
        organisation=world["laeso"], reference_date=date(2018, 4, 1), age_band="0-17", count=241
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert budget_run_retry(run=run)
    run.refresh_from_db()
    assert (run.status, run.progress, run.error) == ("done", 100, "")
    assert (_splits(world["fixed"]), _splits(world["population"])) == (1, 1)  # exactly once
    assert [item["version"] for item in run.result["schemes"]] == [1, 1]


def test_a_second_delivery_of_a_finished_run_computes_nothing(world):
    run = _request(scheme=world["fixed"])
    assert run.status == "done"
    budget_run_compute(run_id=run.pk)
    assert _splits(world["fixed"]) == 1 and _splits(world["population"]) == 0


def test_a_done_run_cannot_be_retried(world):
    run = _request(scheme=world["fixed"])
    assert not budget_run_retry(run=run)


def test_an_unexpected_error_leaves_nothing_of_the_scheme(world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(FinancingSplitRow.objects, "bulk_create", broken)
    run = _request(scheme=world["fixed"])
    assert run.status == "failed" and "RuntimeError: disk full" in run.error
    assert _splits(world["fixed"]) == 0 and run.result == {}


def test_the_second_run_shows_the_change_since_the_previous_version(world):
    _request(scheme=world["fixed"])
    world["fixed"].key.rows.filter(organisation=world["laeso"]).update(weight=D(3))
    run = _request(scheme=world["fixed"])
    parts = {p["party"]: p for p in run.result["schemes"][0]["parts"]}
    assert parts["Aalborg"]["before"] == "750.00" and parts["Aalborg"]["amount"] == "500.00"
    assert (parts["Aalborg"]["kr"], parts["Aalborg"]["pct"]) == ("-250.00", "-33.3")
    assert (parts["Læsø"]["kr"], parts["Læsø"]["pct"]) == ("250.00", "100.0")


@pytest.mark.parametrize(
    ("year", "scheme_year", "message"),
    [(1999, None, "from 2000 to 2100"), (2020, 2019, "not a scheme of 2020")],
)
def test_a_request_for_a_wrong_year_is_refused(world, english, year, scheme_year, message):
    scheme = world["fixed"] if scheme_year else None
    with pytest.raises(ValueError, match=message):
        budget_run_request(year=year, scheme=scheme, user=None)
    assert not BudgetRun.objects.exists()


def _import(world, when: date, band: str = "0-17") -> list[BudgetRun]:
    rows = [(world["aalborg"], 39000), (world["laeso"], 240)]
    with TestCase.captureOnCommitCallbacks(execute=True):
        population_import(rows=rows, reference_date=when, age_band=band, source="DST")
    return list(BudgetRun.objects.all())


def test_q2_figures_request_the_run_of_the_next_budget_year_by_the_system(world):
    [run] = _import(world, date(2018, 4, 1))
    assert (run.year, run.scheme, run.started_by, run.status) == (
        2019,
        world["population"],
        None,
        "done",
    )
    [item] = run.result["schemes"]
    assert item["figures"] == ["2018-04-01"] and item["notes"] == []
    assert "01.04.2018" in run.reason


@pytest.mark.parametrize(("when", "band"), [(date(2018, 7, 1), "0-17"), (date(2018, 4, 1), "all")])
def test_other_figures_request_no_run(world, when, band):
    assert _import(world, when, band) == []


def test_a_usage_key_weighs_the_places_bought_in_the_offer(world):
    offer = OfferFactory(name="Kvisten")
    UsageFactory(offer=offer, year=2018, acting_municipality=world["aalborg"], places=D("3"))
    UsageFactory(offer=offer, year=2018, acting_municipality=world["laeso"], places=D("1"))
    UsageFactory(offer=offer, year=2017, acting_municipality=world["laeso"], places=D("9"))
    scheme = scheme_define(
        name="C forbrug", year=2019, key_rule=KeyRule.USAGE, total=D(1000), offer=offer
    )
    run = _request(scheme=scheme)
    [item] = run.result["schemes"]
    assert {p["party"]: p["amount"] for p in item["parts"]} == {
        "Aalborg": "750.00",
        "Læsø": "250.00",
    }
    assert item["key"] == "Pladser brugt i Kvisten, 2018" and item["notes"] == []
