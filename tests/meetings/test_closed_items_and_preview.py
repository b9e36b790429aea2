"""What a member sees of their body's meeting (closed items, attachments, the pack) and the
secretariat's preview of the agenda and the minutes."""

import re

import pytest
from django.core.files.base import ContentFile

from documents.models import GeneratedDocument
from meetings import services
from meetings.models import Attachment, MeetingStatus
from tests.factories.meetings import a_pdf
from tests.meetings.support import (
    DAS_ANALYSIS_ITEM,
    downloaded,
    flat,
    pages_of,
    post_status,
    url,
)

# --- 2. Access ---


@pytest.mark.django_db
def test_a_member_does_not_see_a_planned_meeting(client, das_member, planned):
    client.force_login(das_member)
    assert client.get(url(planned)).status_code == 404


@pytest.mark.django_db
def test_a_member_sees_closed_items_marked_as_closed(client, das_member, das_meeting):
    # "Lukket punkt" is closed to the public, not to the body's members (as on paper).
    das_meeting.status = MeetingStatus.AGENDA_PUBLISHED
    das_meeting.save()
    das_meeting.items.filter(title="Årsrapport Socialtilsyn Nord").update(is_public=False)
    client.force_login(das_member)
    page = client.get(url(das_meeting))
    assert page.status_code == 200
    html = flat(page.content.decode())
    assert "Årsrapport Socialtilsyn Nord Lukket punkt" in re.sub(r"<[^>]+>", "", html)
    assert "Årsrapport 2018 – sammenfatning" in html  # its attachment is listed


@pytest.mark.django_db
def test_a_member_downloads_the_attachments_of_their_bodys_meeting_only(
    client, das_member, outsider, das_meeting
):
    das_meeting.items.filter(title="Årsrapport Socialtilsyn Nord").update(is_public=False)
    closed = Attachment.objects.get(item__meeting=das_meeting, item__is_public=False)
    public = Attachment.objects.get(item__title=DAS_ANALYSIS_ITEM)
    client.force_login(das_member)
    for attachment in (closed, public):
        response = client.get(url(das_meeting, f"bilag/{attachment.pk}/"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert downloaded(response).startswith(b"%PDF-")
    client.force_login(outsider)
    assert client.get(url(das_meeting, f"bilag/{public.pk}/")).status_code == 404


@pytest.mark.django_db
def test_the_pack_marks_a_closed_item_and_keeps_its_attachment_after_it(
    client, secretariat, das_member, planned, django_capture_on_commit_callbacks
):
    closed = services.item_create(meeting=planned, section="decision", title="Personsag")
    closed.is_public = False
    closed.save()
    note = ContentFile(a_pdf("Fortroligt notat"), name="notat.pdf")
    services.attachment_add(item=closed, title="Notat om borgeren", file=note)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "publish")
    pack = GeneratedDocument.objects.get(kind="meetings.document", params__document="pack")
    client.force_login(das_member)
    response = client.get(f"/dokumenter/{pack.pk}/hent/")
    assert response.status_code == 200
    pages = [flat(text) for text in pages_of(downloaded(response))]
    start = next(
        i for i, text in enumerate(pages) if "Personsag" in text and "LUKKET PUNKT" in text
    )
    assert "Fortroligt notat" in pages[start + 1]


# --- 8. Preview ---


@pytest.mark.django_db
def test_the_secretariat_previews_the_agenda_in_the_browser(client, secretariat, das_meeting):
    client.force_login(secretariat)
    response = client.get(url(das_meeting, "forhaandsvisning/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forhåndsvisning" in html and "<h1>Dagsorden</h1>" in html
    for title in das_meeting.items.values_list("title", flat=True):
        assert title in html, title
    assert "Indstillingen blev fulgt." not in html  # the decisions belong to the minutes


@pytest.mark.django_db
def test_the_minutes_preview_shows_the_decisions(client, secretariat, das_meeting):
    das_meeting.items.filter(title=DAS_ANALYSIS_ITEM).update(decision="DAS drøftede analysen.")
    client.force_login(secretariat)
    response = client.get(url(das_meeting, "forhaandsvisning/"), {"referat": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forhåndsvisning" in html and "<h1>Referat</h1>" in html
    assert "DAS drøftede analysen." in html and "Indstillingen blev fulgt." in html


@pytest.mark.django_db
def test_a_member_gets_404_for_the_preview(client, das_member, das_meeting):
    client.force_login(das_member)
    assert client.get(url(das_meeting)).status_code == 200
    assert client.get(url(das_meeting, "forhaandsvisning/")).status_code == 404
    assert client.get(url(das_meeting, "forhaandsvisning/"), {"referat": "1"}).status_code == 404
