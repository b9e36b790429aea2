"""The 2013 demo round as loaded by load_demo_data, its summary page, XLSX and PDFs."""

import io
import json

import openpyxl
import pytest
from django.core.management import call_command
from pypdf import PdfReader

from documents.models import GeneratedDocument
from submissions.models import ReportingRound, SubmissionVersion
from submissions.selectors import round_summary


@pytest.fixture
def demo(db):
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
    from django.contrib.auth import get_user_model

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
