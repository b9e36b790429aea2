"""The analysis as people read it: municipalities in alphabetical order in the table, chart
and PDF; the trend chart's y-axis from 0; every download named after the version it shows."""

import json
from decimal import Decimal

import matplotlib.pyplot as plt
import pytest

from documents.models import GeneratedDocument
from monitoring import charts
from monitoring.models import AnalysisRun
from monitoring.selectors import by_municipality, municipality_chart_svg
from monitoring.tables import municipality_table
from tests.factories import MunicipalityFactory

# Stored in code order, as the calculation groups them: 773 Morsø, 825 Læsø, 851 Aalborg, …
CODES = [("773", "Morsø"), ("825", "Læsø"), ("851", "Aalborg"), ("860", "Hjørring")]
LABELS = {"target": "Mål", "x": "Reduktion", "reduction": "Reduktion", "y": "Procent"}


def row(code: str, pct: str) -> dict:
    return {
        "municipality": code,
        "cohort_size": 1,
        "baseline_total": "100.00",
        "measure_total": "90.00",
        "reduction_kr": "10.00",
        "reduction_pct": pct,
    }


@pytest.fixture
def run(db):
    for code, name in CODES:
        MunicipalityFactory(code=code, short_name=name, name=f"{name} Kommune")
    result = {
        "cohort_size": 4,
        "baseline_total": "400.00",
        "measure_total": "360.00",
        "reduction_kr": "40.00",
        "reduction_pct": "10.00",
        "annual_saving": "480.00",
        "target_pct": "4.00",
        "target_met": True,
        "issues": [],
        "notes": [],
        "by_municipality": [row(code, f"{n}.00") for n, (code, _) in enumerate(CODES)],
    }
    AnalysisRun.objects.create(measure="2019-01", version=1, status="final", result=result)
    return AnalysisRun.objects.create(measure="2019-01", version=2, status="draft", result=result)


def test_the_table_lists_the_municipalities_by_name(run):
    names = [row[0] for row in municipality_table(run, by_municipality(run)).rows]
    assert names == ["Aalborg", "Hjørring", "Læsø", "Morsø"]


def test_the_chart_draws_the_municipalities_by_name_from_the_top(run, monkeypatch):
    drawn = {}
    monkeypatch.setattr(charts, "_svg", lambda figure: drawn.setdefault("figure", figure) and b"")
    municipality_chart_svg(run)
    labels = [label.get_text() for label in drawn["figure"].axes[0].get_yticklabels()]
    plt.close(drawn["figure"])
    assert labels[::-1] == ["Aalborg", "Hjørring", "Læsø", "Morsø", "Alle"]


def test_the_trend_charts_y_axis_starts_at_zero():
    points = [
        (2017, Decimal("3.1"), Decimal("2.0")),
        (2018, Decimal("3.4"), Decimal("3.0")),
        (2019, Decimal("3.9"), Decimal("4.0")),
    ]
    figure = charts.trend_figure(points, LABELS)
    bottom, top = figure.axes[0].get_ylim()
    plt.close(figure)
    assert bottom == 0 and top >= 4
    figure = charts.trend_figure([(2017, Decimal("-1.5"), Decimal("2.0"))], LABELS)
    assert figure.axes[0].get_ylim()[0] <= -1.5  # a year with higher expenditure shows
    plt.close(figure)


@pytest.mark.django_db
def test_the_pdf_of_version_2_downloads_as_v2(
    client, secretariat, run, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/dokumenter/bestil/",
            {"kind": "monitoring.analysis_report", "params": json.dumps({"run": run.pk})},
        )
    document = GeneratedDocument.objects.get()
    assert document.status == "done", document.error
    response = client.get(f"/dokumenter/{document.pk}/hent/")
    assert 'filename="udgiftsanalyse-2019-v2.pdf"' in response["Content-Disposition"]


@pytest.mark.django_db
def test_a_reporters_own_download_names_the_version(client, aalborg_reporter, run):
    client.force_login(aalborg_reporter)
    response = client.get(f"/monitorering/analyser/{run.pk}/kommune/?_export=csv")
    assert 'filename="udgiftsanalyse-2019-v2-egen.csv"' in response["Content-Disposition"]
