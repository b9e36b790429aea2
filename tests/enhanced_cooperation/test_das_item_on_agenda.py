"""The DAS item added to a DAS meeting through the meetings service, as the secretariat's
"items from data" button does: the agenda PDF shows its text and recommendation, its attachment
is rendered, and DAS members download the attachment once the agenda is published."""

import datetime as dt

import pytest

from meetings import services as meeting_services
from meetings.models import Meeting, MeetingStatus
from tests.enhanced_cooperation.das_item_support import KVISTEN, LEAVING, das_item_world
from tests.meetings.support import downloaded, new_meeting, pages_of, pdf_text, url

pytestmark = pytest.mark.django_db

TITLE = "Det forstærkede samarbejde – årsrapporter 2018 og tilbud fremadrettet"


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    return das_item_world(django_capture_on_commit_callbacks)


@pytest.fixture
def item(world, secretariat, django_capture_on_commit_callbacks):
    meeting = new_meeting("DAS", dt.date(2019, 5, 21))
    with django_capture_on_commit_callbacks(execute=True):
        return meeting_services.item_generate(
            meeting=meeting, choice=f"enhanced_cooperation:{world.round.pk}", user=secretariat
        )


def test_the_item_is_on_the_agenda_with_its_summary_and_recommendation(item):
    assert (item.section, item.title) == ("decision", TITLE)
    text = pdf_text(item.meeting)
    for part in (
        TITLE,
        "Resumé",
        f"{KVISTEN}: Resumé af årsrapport:",
        "Bemærkninger: Kommunerne bør bruge Kvisten.",
        "Der er ikke modtaget indmelding om nye tilbud.",
        "Den Administrative Styregruppe godkender at de to tilbud fortsætter i det "
        "forstærkede samarbejde 2020",
        f"Den Administrative Styregruppe tager udtrædelsen af {LEAVING} pr. 31. december 2019 "
        "til efterretning",
        "Bilag 1: Årsrapporter og ekspertpanelets bemærkninger 2018",
    ):
        assert part in text, part


def test_the_attachment_is_rendered_from_the_round(item):
    document = item.attachments.get().document
    assert (document.kind, document.status) == ("enhanced_cooperation.item_report", "done"), (
        document.error
    )
    with document.file.open("rb") as handle:
        attachment = " ".join(" ".join(page.split()) for page in pages_of(handle.read()))
    assert KVISTEN in attachment and "Pia Panel" in attachment


def test_das_members_download_the_attachment_once_the_agenda_is_published(
    item, world, client, das_member
):
    attachment = item.attachments.get()
    client.force_login(das_member)
    address = url(item.meeting, f"bilag/{attachment.pk}/")
    assert client.get(address).status_code == 404
    Meeting.objects.filter(pk=item.meeting.pk).update(status=MeetingStatus.AGENDA_PUBLISHED)
    response = client.get(address)
    assert response.status_code == 200
    assert downloaded(response).startswith(b"%PDF-")
    # The document itself stays with the secretariat and the panel.
    document_address = f"/dokumenter/{attachment.document.pk}/hent/"
    assert client.get(document_address).status_code == 404
    client.force_login(world.panel)
    assert client.get(document_address).status_code == 200
