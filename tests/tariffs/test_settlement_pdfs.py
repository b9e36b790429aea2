"""The true-up statements as PDFs: Aalborg's reporter orders Aalborg's and reads its figures
in it; the statement of every party is the secretariat's; another municipality's is a 404."""

import io
import json

import pytest
from pypdf import PdfReader

from documents.models import GeneratedDocument
from tariffs.services_settlement import true_up_compute

from .settlement_world import charged_and_actual, foster_family_2018


@pytest.fixture
def statement(aalborg_reporter, hjorring_reporter, secretariat, socialtilsyn):
    scheme = foster_family_2018(socialtilsyn, secretariat)
    charged_and_actual(scheme, secretariat)
    return true_up_compute(scheme=scheme, year=2018, user=secretariat)


def order(client, kind, params, capture):
    with capture(execute=True):
        return client.post("/dokumenter/bestil/", {"kind": kind, "params": json.dumps(params)})


def pdf_text(client, document) -> str:
    pdf = b"".join(client.get(f"/dokumenter/{document.pk}/hent/").streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def params(statement, **extra):
    return {"scheme": statement.scheme.pk, "year": 2018, "version": 1, **extra}


@pytest.mark.django_db
def test_aalborgs_reporter_gets_aalborgs_statement_as_a_pdf(
    client, aalborg_reporter, statement, aalborg, django_capture_on_commit_callbacks
):
    client.force_login(aalborg_reporter)
    response = order(
        client,
        "tariffs.true_up_party",
        params(statement, organisation=aalborg.pk),
        django_capture_on_commit_callbacks,
    )
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and document.status == "done", document.error
    text = pdf_text(client, document)
    assert "Aalborg" in text and "92.107" in text and "6.188.179" in text
    assert "1.524.018" in text and "19.500.000" in text
    assert "andel af faktisk udgift − opkrævet a conto" in text


@pytest.mark.django_db
def test_the_statement_of_every_party_is_the_secretariats(
    client, secretariat, aalborg_reporter, statement, django_capture_on_commit_callbacks
):
    client.force_login(aalborg_reporter)
    response = order(
        client, "tariffs.true_up", params(statement), django_capture_on_commit_callbacks
    )
    assert response.status_code == 404 and not GeneratedDocument.objects.exists()
    silkeborg = statement.rows.get(organisation__short_name="Silkeborg").organisation_id
    response = order(
        client,
        "tariffs.true_up_party",
        params(statement, organisation=silkeborg),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 404 and not GeneratedDocument.objects.exists()
    client.force_login(secretariat)
    order(client, "tariffs.true_up", params(statement), django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get()
    assert document.status == "done", document.error
    text = pdf_text(client, document)
    assert "290.243" in text and "Aalborg" in text and "Silkeborg" in text
    assert client.get(f"/dokumenter/{document.pk}/hent/")["Content-Disposition"].endswith('v1.pdf"')


@pytest.mark.django_db
def test_a_statement_that_is_not_there_is_a_404_for_a_reporter_and_400_for_the_secretariat(
    client, secretariat, aalborg_reporter, statement, aalborg
):
    client.force_login(aalborg_reporter)
    missing = params(statement, version=2, organisation=aalborg.pk)
    data = {"kind": "tariffs.true_up_party", "params": json.dumps(missing)}
    assert client.post("/dokumenter/bestil/", data).status_code == 404
    client.force_login(secretariat)
    assert client.post("/dokumenter/bestil/", data).status_code == 400
    assert not GeneratedDocument.objects.exists()
