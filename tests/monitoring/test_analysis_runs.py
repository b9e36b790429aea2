"""Analysis runs end to end: upload, run in Celery (eager here), pages, own view, PDF, CLI."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from documents.models import GeneratedDocument
from monitoring.models import AnalysisRun
from monitoring.services import citizen_list_import
from tariffs.models import ReductionTarget
from tests.factories import OfferFactory, RegionFactory, UnitFactory

# Hand-computed: Aalborg citizens a (two offers) and b; Hjørring citizen c; d joins in 2017
# (never in the cohort), e leaves after 2017 (out of the every-January cohort).
# January 2016: a 1000+500, b 2000, c 4000, e 100 -> cohort {a, b, c}: 7500
# January 2019: a 1400, b 1900, c 3700               -> 7000; reduction 500 = 6.67 %
AALBORG = """borger;kommune;tilbud;maaned;udgift
ps-a;851;Kvisten;2016-01;1000
ps-a;851;Løvdal;2016-01;500
ps-b;851;Kvisten;2016-01;2000
ps-e;851;Kvisten;2016-01;100
ps-a;851;Kvisten;2017-01;1450
ps-b;851;Kvisten;2017-01;1950
ps-d;851;Kvisten;2017-01;999
ps-e;851;Kvisten;2017-01;100
ps-a;851;Kvisten;2018-01;1420
ps-b;851;Kvisten;2018-01;1920
ps-a;851;Kvisten;2019-01;1400
ps-b;851;Kvisten;2019-01;1900
"""
HJORRING = """borger;kommune;tilbud;maaned;udgift
ps-c;860;Kvisten;2016-01;4000
ps-c;860;Kvisten;2017-01;3900
ps-c;860;Kvisten;2018-01;3800
ps-c;860;Kvisten;2019-01;3700
"""


@pytest.fixture
def lists(aalborg, hjorring):
    region = RegionFactory()
    OfferFactory(name="Kvisten", operator=region)  # regional: always covered
    OfferFactory(name="Løvdal", operator=region)
    for year, pct in ((2017, "1.0"), (2018, "0.5"), (2019, "0.5")):
        ReductionTarget.objects.create(
            year=year, tariff_reduction_pct=Decimal(pct), dialogue_reduction_pct=Decimal(pct)
        )
    for organisation, text in ((aalborg, AALBORG), (hjorring, HJORRING)):
        citizen_list_import(
            data=text.encode(),
            filename="l.csv",
            user=None,
            unit=UnitFactory(organisation=organisation),
        )


def analysis(*args):
    out = io.StringIO()
    call_command(
        "expenditure_analysis", "--measure", "2019-01", *args, stdout=out, stderr=io.StringIO()
    )
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_command_reproduces_the_hand_computed_result(lists):
    result = analysis()
    assert {
        k: result[k]
        for k in (
            "cohort_size",
            "baseline_total",
            "measure_total",
            "reduction_kr",
            "reduction_pct",
            "annual_saving",
            "target_pct",
            "target_met",
        )
    } == {
        "cohort_size": 3,
        "baseline_total": "7500.00",
        "measure_total": "7000.00",
        "reduction_kr": "500.00",
        "reduction_pct": "6.67",
        "annual_saving": "6000.00",
        "target_pct": "4.00",
        "target_met": True,
    }
    by = {row["municipality"]: row for row in result["by_municipality"]}
    assert (by["851"]["baseline_total"], by["851"]["measure_total"]) == ("3500.00", "3300.00")
    assert (by["860"]["reduction_pct"], by["851"]["cohort_size"]) == ("7.50", 2)


@pytest.mark.django_db
def test_the_fixed_cohort_keeps_leavers_with_zero_and_reports_them(lists):
    # Defined by 2016-2017: a, b, c, e. In January 2019 e has no row: 0 kr. and an issue.
    # Baseline 7600, measure 7000 -> 600 = 7.89 %.
    result = analysis("--cohort", "fixed", "--defining-years", "2016-2017")
    assert (result["cohort_size"], result["baseline_total"], result["measure_total"]) == (
        4,
        "7600.00",
        "7000.00",
    )
    assert result["reduction_pct"] == "7.89"
    assert len(result["issues"]) == 1 and result["issues"][0]["citizen"] == "ps-e"


@pytest.mark.django_db
def test_the_secretariat_runs_the_analysis_and_downloads_the_pdf(
    client, secretariat, lists, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/monitorering/analyser/ny/", {"measure_year": "2019", "cohort": "every-january"}
        )
    run = AnalysisRun.objects.get()
    assert response.url == run.get_absolute_url()
    assert (run.status, run.version, run.result["reduction_pct"]) == ("draft", 1, "6.67")
    assert run.uploads.count() == 2
    page = client.get(run.get_absolute_url())
    assert "7.000,00" in page.content.decode()
    assert client.get(f"/monitorering/analyser/{run.pk}/diagram.svg")["Content-Type"] == (
        "image/svg+xml"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/dokumenter/bestil/",
            {"kind": "monitoring.analysis_report", "params": json.dumps({"run": run.pk})},
        )
    document = GeneratedDocument.objects.get()
    assert document.status == "done", document.error
    pdf = b"".join(client.get(f"/dokumenter/{document.pk}/hent/").streaming_content)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    with open("/tmp/analysis.pdf", "wb") as handle:  # noqa: S108 - to look at
        handle.write(pdf)
    assert "Udgiftsanalyse 2019" in text and "7.500,00" in text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/monitorering/analyser/{run.pk}/koer-igen/")
    client.post(f"/monitorering/analyser/{run.pk}/endelig/")
    assert list(AnalysisRun.objects.order_by("version").values_list("version", "status")) == [
        (1, "final"),
        (2, "draft"),
    ]


@pytest.mark.django_db
def test_a_reporter_sees_their_own_numbers_and_the_total_only(
    client,
    secretariat,
    aalborg_reporter,
    hjorring_reporter,
    lists,
    django_capture_on_commit_callbacks,
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/monitorering/analyser/ny/", {"measure_year": "2019", "cohort": "every-january"}
        )
    run = AnalysisRun.objects.get()
    client.force_login(hjorring_reporter)
    table = client.get(f"/monitorering/analyser/{run.pk}/kommune/").context["tables"][1]
    assert [row[0] for row in table.rows] == ["Hjørring"]
    assert table.footer[0][3] == Decimal("7000.00")
    for url in (run.get_absolute_url(), f"/monitorering/analyser/{run.pk}/diagram.svg"):
        assert client.get(url).status_code == 404
    client.force_login(aalborg_reporter)
    rows = client.get(f"/monitorering/analyser/{run.pk}/kommune/").context["tables"][1].rows
    assert [row[0] for row in rows] == ["Aalborg"]
