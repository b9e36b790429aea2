"""The meetings as `load_demo_data` leaves them, run with real commits (as `make run` does):
the generated items are made from the demo analysis and budget, the DAS documents exist, and a
DAS member finds them."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pypdf import PdfReader

from documents.models import GeneratedDocument
from meetings.models import Meeting


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def pdf_text(response) -> str:
    pdf = b"".join(response.streaming_content)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_demo_meetings_are_built_from_the_portals_data(demo, client):
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
