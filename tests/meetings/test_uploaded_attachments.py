"""Uploaded PDF attachments: stored, numbered in agenda order, refused when not a PDF, removed
after a confirmation, and not generated again."""

import pytest
from django.core.files.base import ContentFile

from documents.models import GeneratedDocument
from meetings import services
from meetings.models import Attachment
from tests.factories.meetings import a_pdf
from tests.meetings.support import (
    pdf_text,
    upload,
    url,
)

# --- 3. Uploaded attachments ---


@pytest.mark.django_db
def test_uploaded_pdfs_are_stored_and_numbered_in_agenda_order(client, secretariat, planned):
    decision = planned.items.get()
    welcome = services.item_create(meeting=planned, section="welcome", title="Velkomst")
    client.force_login(secretariat)
    content = a_pdf("Budgetoplæg")
    response = upload(client, planned, decision, "Budgetoplæg 2020", content, name="oplaeg.pdf")
    assert response.status_code == 302
    assert response.url == url(planned, f"punkter/{decision.pk}/")
    assert "Bilaget er tilføjet." in client.get(response.url).content.decode()
    upload(client, planned, welcome, "Deltagerliste", a_pdf("Deltagere"))
    stored = Attachment.objects.get(item=decision)
    assert stored.file.name.endswith(".pdf") and stored.document is None
    assert stored.file.read() == content
    # The welcome item comes first on the agenda, so its later upload is "Bilag 1".
    text = pdf_text(planned)
    assert "Bilag 1: Deltagerliste" in text and "Bilag 2: Budgetoplæg 2020" in text


@pytest.mark.django_db
def test_a_file_that_is_not_a_pdf_is_refused_and_the_title_kept(
    client, secretariat, planned, tmp_path
):
    item = planned.items.get()
    client.force_login(secretariat)
    response = upload(client, planned, item, "Budgetoplæg 2020", b"hello", name="oplaeg.pdf")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Filen er ikke en PDF, der kan læses." in html
    assert 'value="Budgetoplæg 2020"' in html
    assert not Attachment.objects.exists()
    assert not (tmp_path / "meetings").exists()  # no file written either


@pytest.mark.django_db
def test_removing_an_attachment_deletes_it(client, secretariat, planned):
    item = planned.items.get()
    attachment = services.attachment_add(
        item=item, title="Budgetoplæg 2020", file=ContentFile(a_pdf("Budget"), name="b.pdf")
    )
    client.force_login(secretariat)
    asked = client.post(url(planned, f"bilag/{attachment.pk}/slet/"))
    assert "Fjern bilaget »Budgetoplæg 2020« fra punktet »Budget 2020«?" in asked.content.decode()
    assert Attachment.objects.filter(pk=attachment.pk).exists()  # nothing yet
    response = client.post(
        url(planned, f"bilag/{attachment.pk}/slet/"), {"confirmed": "1"}, follow=True
    )
    assert "Bilaget er fjernet." in response.content.decode()
    assert response.redirect_chain[-1][0] == url(planned, f"punkter/{item.pk}/")
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


@pytest.mark.django_db
def test_an_uploaded_attachment_cannot_be_generated_again(client, secretariat, planned):
    attachment = services.attachment_add(
        item=planned.items.get(), title="Notat", file=ContentFile(a_pdf("Notat"), name="n.pdf")
    )
    client.force_login(secretariat)
    response = client.post(url(planned, f"bilag/{attachment.pk}/dan-igen/"), follow=True)
    assert "Kun bilag dannet af portalen kan dannes igen." in response.content.decode()
    assert not GeneratedDocument.objects.exists()
