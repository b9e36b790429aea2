import io
import json

import pytest
from pypdf import PdfReader

from documents.models import GeneratedDocument


@pytest.mark.django_db
def test_the_socialtilsyn_budget_renders_to_a_pdf_with_the_same_figures(
    client, secretariat, socialtilsyn, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/dokumenter/bestil/",
            {"kind": "tariffs.socialtilsyn_budget", "params": json.dumps({"year": 2019})},
        )
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and document.status == "done"
    pdf = b"".join(client.get(f"/dokumenter/{document.pk}/hent/").streaming_content)
    with open("/tmp/socialtilsyn-2019.pdf", "wb") as handle:  # noqa: S108 - for looking at
        handle.write(pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Socialtilsyn Nord" in text
    assert "6.096.072" in text and "19.209.757" in text and "20.253.203" in text
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"{pages}/{pages}" in text


@pytest.mark.django_db
def test_a_financing_split_pdf_is_for_the_secretariat_only(client, aalborg_operator, socialtilsyn):
    client.force_login(aalborg_operator)
    response = client.post(
        "/dokumenter/bestil/",
        {"kind": "tariffs.financing_split", "params": json.dumps({"scheme": 1, "version": 1})},
    )
    assert response.status_code == 404
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_the_pdf_of_a_schemes_second_version_downloads_as_v2(
    client, secretariat, aalborg, hjorring, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from tariffs.services import scheme_create, split_compute

    parties = [(aalborg, Decimal(2)), (hjorring, Decimal(1))]
    scheme = scheme_create(
        name="Tilsyn",
        year=2019,
        total=Decimal(900),
        decimals=0,
        parties=parties,
        existing_key=None,
        user=secretariat,
    )
    split_compute(scheme=scheme, user=secretariat)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        params = json.dumps({"scheme": scheme.pk, "version": 2})
        client.post("/dokumenter/bestil/", {"kind": "tariffs.financing_split", "params": params})
    document = GeneratedDocument.objects.get()
    assert document.status == "done", document.error
    response = client.get(f"/dokumenter/{document.pk}/hent/")
    assert response["Content-Disposition"].endswith('-tilsyn-2019-v2.pdf"')
