"""The status steps: publish, hold, approve and cancel order the members' PDFs and e-mails;
a step from the wrong status, an empty agenda or a member's post changes nothing."""

import pytest

from documents.models import GeneratedDocument
from meetings.models import MeetingStatus
from tests.meetings.support import (
    meeting_documents,
    post_status,
    url,
)

# --- 1. Status ---


@pytest.mark.django_db
def test_publish_hold_approve_walk_the_statuses_and_order_the_members_pdfs(
    client, secretariat, planned, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    steps = [
        (
            "publish",
            MeetingStatus.AGENDA_PUBLISHED,
            "Dagsorden udsendt",
            [("agenda", "done"), ("pack", "done")],
        ),
        ("hold", MeetingStatus.HELD, "Afholdt", [("agenda", "done"), ("pack", "done")]),
        (
            "approve",
            MeetingStatus.MINUTES_APPROVED,
            "Referat godkendt",
            [("agenda", "done"), ("pack", "done"), ("minutes", "done")],
        ),
    ]
    for action, status, label, documents in steps:
        with django_capture_on_commit_callbacks(execute=True):
            response = post_status(client, planned, action)
        assert f"Mødet har nu status »{label}«." in response.content.decode(), action
        planned.refresh_from_db()
        assert planned.status == status
        assert meeting_documents() == documents, action
    for document in GeneratedDocument.objects.filter(kind="meetings.document"):
        assert document.params["meeting"] == planned.reference
        assert document.file.read(5) == b"%PDF-", document.params


@pytest.mark.django_db
def test_an_agenda_without_items_is_not_published(client, secretariat, empty_meeting):
    client.force_login(secretariat)
    response = post_status(client, empty_meeting, "publish")
    assert "Dagsordenen har endnu ingen punkter." in response.content.decode()
    empty_meeting.refresh_from_db()
    assert empty_meeting.status == MeetingStatus.PLANNED
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "action", "label"),
    [
        (MeetingStatus.PLANNED, "hold", "Planlagt"),
        (MeetingStatus.HELD, "cancel", "Afholdt"),
        (MeetingStatus.HELD, "publish", "Afholdt"),
    ],
)
def test_a_step_from_the_wrong_status_is_refused_and_nothing_changes(
    client, secretariat, planned, status, action, label
):
    planned.status = status
    planned.save()
    client.force_login(secretariat)
    response = post_status(client, planned, action)
    assert f"Mødet har status »{label}«; det trin er ikke muligt nu." in (response.content.decode())
    planned.refresh_from_db()
    assert planned.status == status
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_a_planned_meeting_can_be_cancelled_without_documents(client, secretariat, planned):
    client.force_login(secretariat)
    response = post_status(client, planned, "cancel")
    assert "Mødet har nu status »Aflyst«." in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == MeetingStatus.CANCELLED
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_a_member_cannot_change_the_status_of_a_meeting_they_can_see(
    client, das_member, das_meeting
):
    das_meeting.status = MeetingStatus.AGENDA_PUBLISHED
    das_meeting.save()
    client.force_login(das_member)
    assert client.get(url(das_meeting)).status_code == 200  # visible, but not theirs to change
    assert client.post(url(das_meeting, "status/"), {"action": "hold"}).status_code == 404
    das_meeting.refresh_from_db()
    assert das_meeting.status == MeetingStatus.AGENDA_PUBLISHED


@pytest.mark.django_db
def test_an_unknown_status_action_is_404(client, secretariat, planned):
    client.force_login(secretariat)
    assert client.post(url(planned, "status/"), {"action": "delete"}).status_code == 404


@pytest.mark.django_db
def test_members_get_an_e_mail_when_the_agenda_goes_out_and_when_the_minutes_are_approved(
    client, secretariat, das_member, planned, mailoutbox, django_capture_on_commit_callbacks
):
    from meetings.models import BodyMember

    BodyMember.objects.create(
        body=planned.body, user=das_member, name="Dorte DAS-medlem", organisation="Thisted Kommune"
    )
    BodyMember.objects.create(body=planned.body, name="Uden bruger", organisation="Læsø")
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "publish")
    assert len(mailoutbox) == 1  # the member without a user cannot be reached
    notice = mailoutbox[0]
    assert notice.to == [das_member.email]
    assert notice.subject == "Dagsorden til mødet i DAS den 10. september 2019"
    assert (
        "Dagsordenen til mødet i Den Administrative Styregruppe den 10. september 2019 er "
        "udsendt." in " ".join(notice.body.split())
    )
    assert f"/moeder/{planned.reference}/" in notice.body and "1. Budget 2020" in notice.body
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, planned, "hold")  # no e-mail for this step
        post_status(client, planned, "approve")
    assert [m.subject for m in mailoutbox[1:]] == ["Referat af mødet i DAS den 10. september 2019"]
