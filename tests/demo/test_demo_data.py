"""The demo data, tested once, by the demo's own tests: `load_demo_data` builds the register
from the published reference files (so these tests read fixtures/ on purpose), the 2013 round
summarises like the real annex, the meetings are built from the portal's data (run with real
commits, as `make run` does), and the demo-user list names each role once. Besides these and
the browser tests, tests build their own rows with tests/factories (the summary, questionnaire
and receipt tests of submissions still read the demo's 2013 answer sets as plain data)."""

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader

from documents.models import GeneratedDocument
from meetings.models import Meeting
from offers.models import Offer, PlaceStatistic
from offers.selectors import with_coverage
from organisations.models import Organisation, OrganisationUnit, PopulationFigure, SupervisionArea
from submissions.models import ReportingRound, SubmissionVersion
from submissions.selectors import round_summary
from tariffs.models import FinancingScheme, MixedFinancing, SupervisionTariff

# --- The register from the published reference files ---

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
    scheme = FinancingScheme.objects.get(year=2018)
    rows = {r.organisation.short_name: r.amount for r in scheme.splits.get().rows.all()}
    assert rows["Aalborg"] == Decimal("6096072") and rows["Læsø"] == Decimal("37841")
    assert sum(rows.values()) == scheme.total == Decimal("19209757")
    assert SupervisionTariff.objects.count() == 12
    assert MixedFinancing.objects.get().offer.name == "Børnehus Nord"


# --- The 2013 round, its summary page, XLSX and PDFs ---


@pytest.fixture
def demo(db):
    """The whole demo, loaded once per test; the 2013 round."""
    call_command("load_demo_data", stdout=io.StringIO())
    return ReportingRound.objects.get(year=2013)


def test_the_2013_round_summarises_like_the_real_annex(demo):
    summary = round_summary(demo)
    assert summary.missing == ["Rebild Kommune"]
    assert len(summary.submitted) == 11  # ten municipalities, Aalborg as two administrations
    assert summary.no_change_count == 5
    assert summary.no_change_text == "5 af 10 kommuner melder ingen ændringer i forbrug"
    assert {line.label for line in summary.needs}  # Aalborg and Hjørring report needs
    assert len(summary.contradictions) == 1
    assert summary.waiting_total == 7


def test_the_summary_page_and_workbook_for_the_secretariat(client, secretariat, demo):
    client.force_login(secretariat)
    page = client.get(f"/indberetninger/runder/{demo.pk}/opsummering/")
    assert page.status_code == 200
    assert "Rebild Kommune" in page.content.decode()
    xlsx = client.get(f"/indberetninger/runder/{demo.pk}/opsummering/?_export=xlsx")
    sheets = openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames
    assert sheets[0] == "Overblik" and {"A1", "A2", "B1", "B3", "B4"} <= set(sheets)


def test_a_reporter_cannot_see_the_summary(client, aalborg_reporter, demo):
    client.force_login(aalborg_reporter)
    assert client.get(f"/indberetninger/runder/{demo.pk}/opsummering/").status_code == 404


def test_the_receipt_pdf_carries_the_receipt_number_and_the_answers(
    client, django_capture_on_commit_callbacks, demo
):
    version = SubmissionVersion.objects.get(submission__unit__code="860")
    reporter = get_user_model().objects.get(username="hjorring")
    client.force_login(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/dokumenter/bestil/",
            {"kind": "submissions.receipt", "params": json.dumps({"version": version.pk})},
        )
    document = GeneratedDocument.objects.get(kind="submissions.receipt")
    assert document.status == "done", document.error
    pdf = b"".join(client.get(f"/dokumenter/{document.pk}/hent/").streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert version.receipt_code in text and "B4" in text
    other = SubmissionVersion.objects.get(submission__unit__code="810")
    response = client.post(
        "/dokumenter/bestil/",
        {"kind": "submissions.receipt", "params": json.dumps({"version": other.pk})},
    )
    assert response.status_code == 404


# --- The meetings ---


@pytest.fixture
def committed_demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def pdf_text(response) -> str:
    pdf = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_demo_meetings_are_built_from_the_portals_data(committed_demo, client):
    das = Meeting.objects.get(reference="DAS-2019-05-21")
    analysis = das.items.get(title="Udgiftsanalyse 2019")
    attachment = analysis.attachments.get()
    assert attachment.document.kind == "monitoring.analysis_report"
    assert attachment.document.status == "done"
    assert "mod det akkumulerede mål for 2019 på 4,00 %" in analysis.summary

    kkr = Meeting.objects.get(reference="KKR-2019-06-20")
    forwarded = kkr.items.get(forwarded_from=analysis)
    assert forwarded.attachments.get().document == attachment.document
    budget = kkr.items.get(title="Socialtilsyn Nord – Budget 2019")
    assert budget.attachments.get().document.kind == "tariffs.socialtilsyn_budget"

    documents = GeneratedDocument.objects.filter(
        kind="meetings.document", params__meeting=das.reference
    )
    assert sorted(d.params["document"] for d in documents if d.status == "done") == [
        "agenda",
        "minutes",
        "pack",
    ]

    client.force_login(get_user_model().objects.get(username="das-medlem"))
    page = client.get("/moeder/DAS-2019-05-21/").content.decode()
    pack = documents.get(params__document="pack")
    assert f"/dokumenter/{pack.pk}/hent/" in page
    text = pdf_text(client.get(f"/dokumenter/{pack.pk}/hent/"))
    assert "Udgiftsanalyse 2019" in text and "Pr. handlekommune" in text  # the report's table
    assert client.get("/moeder/KKR-2019-06-20/").status_code == 404  # another body, planned
    # The demo member is a member of DAS with their user: the body's e-mails reach them.
    member = das.body.members.get(user__username="das-medlem")
    assert member.user.email == "das-medlem@example.dk"


# --- The demo users ---


@pytest.mark.django_db
def test_the_demo_user_list_names_each_body_once():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    lines = {
        line.split()[0]: line.split(None, 1)[1]
        for line in out.getvalue().splitlines()
        if line.startswith("  ")
    }
    assert lines["das-medlem"] == "Medlem af DAS"
    assert lines["kkr-medlem"] == "Medlem af KKR"
    assert lines["hjorring"].startswith("Kommunal indberetter, ")
    assert "DAS/KKR" not in out.getvalue()
