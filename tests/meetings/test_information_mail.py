"""A cancelled meeting's items go out as an information e-mail instead: numbered items under
their sections, attachments listed with links, closed items by title only; once, and only by
the secretariat."""

import re

import pytest
from django.conf import settings

from meetings.information_mail import (
    InformationMailRefused,
    information_mail,
    meeting_for_information,
    send_information_mail,
)
from meetings.models import Attachment, MeetingStatus
from meetings.tasks import send_information

SUBJECT = "Orientering i stedet for møde i DAS den 21. maj 2019"


def url(meeting):
    return f"/moeder/{meeting.reference}/orientering/"


@pytest.mark.django_db
def test_items_are_numbered_in_agenda_order_under_their_sections(cancelled):
    subject, text, html = information_mail(meeting_for_information(cancelled.pk))
    assert subject == SUBJECT
    assert "Mødet i Den Administrative Styregruppe den 21. maj 2019 er aflyst" in text
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", text, re.MULTILINE)]
    assert numbers == list(range(1, 16))
    titles = list(cancelled.items.order_by("position").values_list("title", flat=True))
    positions = [text.index(f"\n{n}. {title}\n") for n, title in enumerate(titles, 1)]
    assert positions == sorted(positions)
    headings = ["SAGER TIL BEHANDLING", "SAGER TIL ORIENTERING"]
    assert text.index(headings[0]) < positions[2] < text.index(headings[1]) < positions[8]
    item = text[positions[2] : positions[3]]
    assert "Resumé:\nSekretariatet har forberedt punktet »Mandat for" in item
    assert (
        "Det indstilles, at\n- Den Administrative Styregruppe godkender mandatet for arbejdsgruppen"
        in item
    )
    assert "<h3" in html and "3. Mandat for arbejdsgruppen" in html
    assert "<li>Den Administrative Styregruppe godkender mandatet for arbejdsgruppen</li>" in html


@pytest.mark.django_db
def test_attachments_are_numbered_consecutively_with_absolute_download_links(cancelled, settings):
    settings.SITE_URL = "https://portal.example.dk"
    _subject, text, html = information_mail(meeting_for_information(cancelled.pk))
    attachments = Attachment.objects.filter(item__meeting=cancelled)
    by_title = {a.title: a for a in attachments}
    expected = [
        (1, "Årsrapport 2018 – sammenfatning"),
        (2, "Udgiftsanalyse 2019 – tabeller"),
        (3, "Budget 2019 for Børnehus Nord"),
    ]
    assert re.findall(r"^Bilag (\d+): (.+)$", text, re.MULTILINE) == [
        (str(n), title) for n, title in expected
    ]
    for number, title in expected:
        link = f"{settings.SITE_URL}/moeder/DAS-2019-05-21/bilag/{by_title[title].pk}/"
        assert f"Bilag {number}: {title}\n{link}\n" in text
        assert f'<a href="{link}">Bilag {number}: {title}</a>' in html
    # each attachment under its own item: Bilag 2 belongs to item 5 (Udgiftsanalyse 2019)
    assert text.index("5. Udgiftsanalyse 2019") < text.index("Bilag 2:") < text.index("\n6. ")


@pytest.mark.django_db
def test_a_closed_item_is_listed_by_number_and_title_only(cancelled):
    item = cancelled.items.get(title="Udgiftsanalyse 2019")
    item.is_public = False
    item.summary = "Fortroligt: tallene for Hjørring er endnu ikke godkendt."
    item.save()
    secret = Attachment.objects.get(item=item)
    _subject, text, html = information_mail(meeting_for_information(cancelled.pk))
    for body in (text, html):
        assert "5. Udgiftsanalyse 2019" in body
        assert "Lukket punkt" in body
        assert "Fortroligt" not in body
        assert secret.title not in body
        assert f"/bilag/{secret.pk}/" not in body
    closed = text[text.index("5. Udgiftsanalyse 2019") : text.index("\n6. ")]
    assert "Det indstilles" not in closed
    # the agenda's numbering is kept: the next attachment is still Bilag 3
    assert "Bilag 3: Budget 2019 for Børnehus Nord" in text


@pytest.mark.django_db
def test_the_secretariat_previews_and_sends_it_once_to_each_reachable_member(
    client, secretariat, cancelled, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    page = client.get(url(cancelled)).content.decode()
    assert SUBJECT in page
    assert "1. Godkendelse af dagsorden" in page
    assert "das-medlem@example.dk" in page and "bent@hjoerring.dk" in page
    unreachable = page[page.index('id="unreachable-heading"') :]
    assert "Camilla Chef (Region Nordjylland): ingen brugerkonto i portalen" in unreachable
    assert "Dorte Direktør (Thisted Kommune): brugeren har ingen e-mailadresse" in unreachable
    assert "Send orienteringen til 2 medlemmer" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(cancelled))
    assert response.status_code == 302 and response["Location"] == f"/moeder/{cancelled.reference}/"
    assert sorted(m.to for m in mailoutbox) == [["bent@hjoerring.dk"], ["das-medlem@example.dk"]]
    message = mailoutbox[0]
    assert message.subject == SUBJECT and message.bcc == []
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "15. Børnehus Nords budget 2019" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Bilag 1: Årsrapport 2018" in html
    cancelled.refresh_from_db()
    assert cancelled.information_sent_at is not None
    followed = " ".join(client.get(response["Location"]).content.decode().split())
    assert "Orienteringen er sendt til 2 af 4 modtagere. Ikke sendt: Camilla Chef" in followed


@pytest.mark.django_db
def test_a_second_send_is_refused_and_sends_nothing(
    client, secretariat, cancelled, mailoutbox, django_capture_on_commit_callbacks
):
    assert send_information_mail(cancelled.pk) == 2
    client.force_login(secretariat)
    page = client.get(url(cancelled)).content.decode()
    assert "Orienteringen blev sendt den" in page
    assert "Send orienteringen" not in page  # no send button
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url(cancelled), follow=True)
    assert callbacks == []
    assert "Orienteringen blev allerede sendt den" in response.content.decode()
    with pytest.raises(InformationMailRefused):
        send_information_mail(cancelled.pk)
    assert send_information.delay(cancelled.pk).get() == 0  # a redelivered task: no error
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_a_meeting_that_is_not_cancelled_is_refused(
    client, secretariat, cancelled, mailoutbox, django_capture_on_commit_callbacks
):
    cancelled.status = MeetingStatus.HELD
    cancelled.save()
    client.force_login(secretariat)
    assert "Send orienteringen" not in client.get(url(cancelled)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(cancelled), follow=True)
    assert "Kun et aflyst mødes punkter kan sendes" in response.content.decode()
    with pytest.raises(InformationMailRefused):
        send_information_mail(cancelled.pk)
    cancelled.refresh_from_db()
    assert cancelled.information_sent_at is None and mailoutbox == []


@pytest.mark.django_db
def test_nothing_is_sent_when_no_member_can_be_reached(
    client, secretariat, cancelled, mailoutbox, django_capture_on_commit_callbacks
):
    cancelled.body.members.update(user=None)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(cancelled), follow=True)
    assert "Ingen af medlemmerne af Den Administrative Styregruppe" in response.content.decode()
    cancelled.refresh_from_db()
    assert cancelled.information_sent_at is None and mailoutbox == []


@pytest.mark.django_db
def test_only_the_secretariat_may_preview_or_send(
    client, das_member, outsider, cancelled, mailoutbox, django_capture_on_commit_callbacks
):
    for user in (das_member, outsider):
        client.force_login(user)
        assert client.get(url(cancelled)).status_code == 404, user.username
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url(cancelled)).status_code == 404, user.username
    client.logout()
    assert client.post(url(cancelled)).status_code == 302  # to the login page
    cancelled.refresh_from_db()
    assert cancelled.information_sent_at is None and mailoutbox == []


@pytest.mark.django_db
def test_a_member_can_open_the_attachment_links_after_the_information_email(
    client, das_member, cancelled
):
    send_information_mail(cancelled.pk)
    attachment = Attachment.objects.filter(item__meeting=cancelled).first()
    client.force_login(das_member)
    response = client.get(f"/moeder/{cancelled.reference}/bilag/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
