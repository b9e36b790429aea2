"""A run's result is stored as JSON and read back as one typed value: what is written reads
back unchanged, and so does the JSON the runs have stored all along."""

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitoring.models import AnalysisRun
from monitoring.results import DataIssue, MunicipalityResult, RunResult
from monitoring.services import analysis_run_compute, analysis_run_create
from tests.monitoring import test_analysis_runs

D = Decimal
lists = test_analysis_runs.lists  # the two units' citizen lists, a fixture
kroner = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
percent = st.none() | st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
text = st.text(max_size=20)

municipality_rows = st.builds(
    MunicipalityResult,
    municipality=st.from_regex(r"\A[0-9]{3}\Z"),
    cohort_size=st.integers(0, 10**6),
    baseline_total=kroner,
    measure_total=kroner,
    reduction_kr=kroner,
    reduction_pct=percent,
)
issues = st.builds(DataIssue, kind=text, citizen=text, month=text, message=text)
results = st.builds(
    RunResult,
    cohort_size=st.integers(0, 10**6),
    baseline_total=kroner,
    measure_total=kroner,
    reduction_kr=kroner,
    reduction_pct=percent,
    annual_saving=kroner,
    target_pct=percent,
    target_met=st.none() | st.booleans(),
    by_municipality=st.lists(municipality_rows, max_size=4).map(tuple),
    issues=st.lists(issues, max_size=3).map(tuple),
    notes=st.lists(text, max_size=2).map(tuple),
)

# As the runs store it (monitoring.services before the typed result, and the demo's runs).
STORED = {
    "cohort_size": 3,
    "baseline_total": "7500.00",
    "measure_total": "7000.00",
    "reduction_kr": "500.00",
    "reduction_pct": "6.67",
    "annual_saving": "6000.00",
    "target_pct": "4.00",
    "target_met": True,
    "by_municipality": [
        {
            "municipality": "851",
            "cohort_size": 2,
            "baseline_total": "3500.00",
            "measure_total": "3300.00",
            "reduction_kr": "200.00",
            "reduction_pct": "5.71",
        },
        {
            "municipality": "860",
            "cohort_size": 1,
            "baseline_total": "4000.00",
            "measure_total": "3700.00",
            "reduction_kr": "300.00",
            "reduction_pct": None,
        },
    ],
    "issues": [{"kind": "missing_january", "citizen": "ps-e", "month": "2017-01", "message": "…"}],
    "notes": ["No usage is recorded for 2016: coverage from 2017 is used."],
}


@given(results)
def test_a_result_reads_back_as_it_was_written(result):
    assert RunResult.from_json(json.loads(json.dumps(result.to_json()))) == result


def test_the_json_the_runs_have_stored_reads_back_with_decimals():
    result = RunResult.from_json(STORED)
    assert (result.reduction_pct, result.target_pct, result.target_met) == (
        D("6.67"),
        D("4.00"),
        True,
    )
    assert result.by_municipality[0].baseline_total == D("3500.00")
    assert result.by_municipality[1].reduction_pct is None
    assert result.issues[0].citizen == "ps-e" and result.notes == (STORED["notes"][0],)
    assert result.to_json() == STORED


def test_a_result_without_notes_reads_back_with_none():
    stored = {key: value for key, value in STORED.items() if key != "notes"}
    assert RunResult.from_json(stored).notes == ()


@pytest.mark.django_db
def test_a_computed_run_stores_what_its_typed_result_writes(lists, secretariat):
    run = analysis_run_create(measure="2019-01", user=secretariat)
    analysis_run_compute(run_id=run.pk)
    run.refresh_from_db()
    assert run.analysis_result.to_json() == run.result
    assert run.analysis_result.reduction_pct == D("6.67") == run.reduction_pct


def test_a_run_without_a_result_has_no_typed_result():
    assert AnalysisRun(measure="2019-01", version=1).analysis_result is None
