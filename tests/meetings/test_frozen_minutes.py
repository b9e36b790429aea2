"""Approved minutes freeze the meeting: every write service and every write page refuses (in
Danish, never a 500), the pages offer no editing, and the admin changes nothing; only the
secretariat's logged "Genåbn referatet" (with a reason) opens it again, and approving again
makes a new minutes version. A change after the agenda went out is allowed but marked on the
item, logged, makes a new agenda version and is told to the members."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import GeneratedDocument
from meetings import services
from meetings.changes import MeetingFrozen
from meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    Meeting,
    MeetingEvent,
    MeetingStatus,
)
from socialaftale.lib.pdf import render_pdf
from tests.factories.meetings import bodies

FROZEN = "Referatet for dette møde er godkendt, så mødet kan ikke længere ændres."


def a_pdf(text: str) -> ContentFile:
    html = f'<html lang="da"><body><h1>{text}</h1></body></html>'
    return ContentFile(render_pdf(html), name="bilag.pdf")


def meeting_with(status: str) -> Meeting:
    """A DAS meeting (10 September 2019) with one item with an attachment, in `status`."""
    bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=dt.date(2019, 9, 10),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Regionshuset",
    )
    Attendance.objects.create(
        meeting=meeting, name="Anne Formand", kind="present", organisation="Aalborg Kommune"
    )
    item = services.item_create(meeting=meeting, section="decision", title="Budget 2020")
    services.attachment_add(item=item, title="Budgetoplæg", file=a_pdf("Budgetoplæg"))
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def approved(db):
    return meeting_with(MeetingStatus.MINUTES_APPROVED)


@pytest.fixture
def published(db):
    return meeting_with(MeetingStatus.AGENDA_PUBLISHED)


def url(meeting: Meeting, path: str = "") -> str:
    return f"/moeder/{meeting.reference}/{path}"


def snapshot(meeting: Meeting):
    items = list(
        AgendaItem.objects.filter(meeting=meeting).values_list(
            "pk", "title", "section", "position", "decision", "edit_version"
        )
    )
    attachments = list(Attachment.objects.filter(item__meeting=meeting).values_list("pk", "title"))
    people = list(Attendance.objects.filter(meeting=meeting).values_list("pk", "name"))
    meeting = Meeting.objects.filter(pk=meeting.pk).values_list("status", "venue").get()
    return items, attachments, people, meeting


# --- Every write service refuses ---

WRITES = {
    "item_create": lambda m, i, a: services.item_create(meeting=m, section="closing", title="X"),
    "item_save": lambda m, i, a: services.item_save(
        item=i, values={"title": "Ny titel"}, expected_version=i.edit_version
    ),
    "minutes_save": lambda m, i, a: services.minutes_save(
        meeting=m,
        rows=[
            {
                "item": i.pk,
                "decision": "Ny beslutning",
                "editorial_note": "",
                "edit_version": i.edit_version,
            }
        ],
    ),
    "item_move": lambda m, i, a: services.item_move(item=i, direction="down"),
    "item_delete": lambda m, i, a: services.item_delete(item=i),
    "attachment_add": lambda m, i, a: services.attachment_add(
        item=i, title="Nyt", file=a_pdf("Nyt")
    ),
    "attachment_delete": lambda m, i, a: services.attachment_delete(attachment=a),
    "item_generate": lambda m, i, a: services.item_generate(
        meeting=m, choice="budget:2019", user=None
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_service_refuses_a_meeting_with_approved_minutes(approved, write):
    item = approved.items.get()
    before = snapshot(approved)
    with pytest.raises(MeetingFrozen) as refused:
        WRITES[write](approved, item, item.attachments.get())
    assert refused.value.messages[0].startswith(FROZEN)
    assert snapshot(approved) == before


@pytest.mark.django_db
def test_forwarding_to_a_meeting_with_approved_minutes_is_refused(published):
    # The forwarding targets are coming meetings; approved minutes are refused all the same.
    kkr = Meeting.objects.create(
        body=Body.objects.get(code="kkr"),
        date=dt.date(2019, 9, 20),
        starts_at=dt.time(10),
        ends_at=dt.time(12),
        venue="Rådhuset",
        status=MeetingStatus.MINUTES_APPROVED,
    )
    with pytest.raises(ValidationError):
        services.item_forward(item=published.items.get(), target=kkr)
    assert not kkr.items.exists()


# --- Every write page refuses a direct POST, in Danish, and changes nothing ---


def posts(meeting: Meeting):
    item = meeting.items.get()
    attachment = item.attachments.get()
    person = meeting.attendance.get()
    file = SimpleUploadedFile("x.pdf", a_pdf("X").read(), content_type="application/pdf")
    return {
        "punkter/ny/": {"section": "closing", "title": "Evt."},
        f"punkter/{item.pk}/": {
            "section": item.section,
            "title": "Ny titel",
            "body_heading": item.body_heading,
            "is_public": "on",
            "edit_version": item.edit_version,
            "rec-TOTAL_FORMS": "0",
            "rec-INITIAL_FORMS": "0",
        },
        f"punkter/{item.pk}/flyt/": {"direction": "down"},
        f"punkter/{item.pk}/slet/": {},
        f"punkter/{item.pk}/bilag/": {"title": "Nyt bilag", "file": file},
        f"bilag/{attachment.pk}/slet/": {"confirmed": "1"},
        f"bilag/{attachment.pk}/dan-igen/": {},
        "punkter/fra-data/": {"choice": "budget:2019"},
        "referat/": {
            "referat-TOTAL_FORMS": "1",
            "referat-INITIAL_FORMS": "1",
            "referat-0-item": item.pk,
            "referat-0-edit_version": item.edit_version,
            "referat-0-decision": "Ny beslutning",
            "referat-0-editorial_note": "",
        },
        "rediger/": {
            "body": meeting.body_id,
            "date": "10.09.2019",
            "starts_at": "13:00",
            "ends_at": "15:00",
            "venue": "Et andet sted",
        },
        "deltagere/": {
            "attendance-TOTAL_FORMS": "1",
            "attendance-INITIAL_FORMS": "1",
            "attendance-0-id": person.pk,
            "attendance-0-name": "Nyt Navn",
            "attendance-0-organisation": "X",
            "attendance-0-kind": "present",
        },
    }


@pytest.mark.django_db
def test_every_write_page_refuses_a_direct_post_to_approved_minutes(client, secretariat, approved):
    client.force_login(secretariat)
    before = snapshot(approved)
    for path, data in posts(approved).items():
        response = client.post(url(approved, path), data, follow=True)
        assert response.status_code == 200, path
        assert response.redirect_chain[-1][0].startswith(url(approved)), path
        assert FROZEN in response.content.decode(), path
        assert snapshot(approved) == before, path
    assert not MeetingEvent.objects.exists()


@pytest.mark.django_db
def test_the_pages_of_approved_minutes_offer_no_editing_but_reopening(
    client, secretariat, approved
):
    client.force_login(secretariat)
    page = client.get(url(approved)).content.decode()
    assert FROZEN in page
    for hidden in (
        "/punkter/ny/",
        "/punkter/fra-data/",
        "/referat/",
        "/rediger/",
        "/deltagere/",
        "/flyt/",
    ):
        assert hidden not in page, hidden
    assert 'value="reopen"' in page and "Genåbn referatet…" in page
    item = approved.items.get()
    item_page = client.get(url(approved, f"punkter/{item.pk}/")).content.decode()
    assert FROZEN in item_page
    for hidden in ("/slet/", '/bilag/"', "Gem</button>", "/dan-igen/"):
        assert hidden not in item_page, hidden
    assert 'name="title"' in item_page and "disabled" in item_page  # shown, read-only


# --- Reopening: logged, with a reason; approving again makes a new minutes version ---


@pytest.mark.django_db
def test_reopening_needs_a_reason_and_is_logged_with_who_when_and_why(
    client, secretariat, approved, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    asked = client.post(url(approved, "status/"), {"action": "reopen"})
    assert asked.status_code == 200 and 'name="reason"' in asked.content.decode()
    refused = client.post(url(approved, "status/"), {"action": "reopen", "confirmed": "1"})
    assert refused.status_code == 400
    assert "Skriv, hvorfor referatet genåbnes." in refused.content.decode()
    approved.refresh_from_db()
    assert approved.status == MeetingStatus.MINUTES_APPROVED
    reason = "Beslutningen i punkt 1 var skrevet forkert af"
    client.post(url(approved, "status/"), {"action": "reopen", "confirmed": "1", "reason": reason})
    approved.refresh_from_db()
    assert approved.status == MeetingStatus.HELD
    event = MeetingEvent.objects.get()
    assert (event.user, event.reason, event.kind) == (secretariat, reason, "minutes_reopened")
    page = client.get(url(approved)).content.decode()
    assert reason in page and "Referatet genåbnet" in page and "Sara" in page


@pytest.mark.django_db
def test_approving_reopened_minutes_makes_a_new_minutes_version(secretariat, approved):
    minutes = {"meeting": approved.reference, "document": "minutes"}
    from documents.services import document_request

    document_request(kind="meetings.document", params=minutes, user=None)  # the approval's
    services.meeting_transition(
        meeting=approved, action="reopen", user=secretariat, reason="Forkert dato i punkt 1"
    )
    services.meeting_transition(meeting=approved, action="approve", user=secretariat)
    versions = GeneratedDocument.objects.filter(params=minutes).order_by("version")
    assert list(versions.values_list("version", flat=True)) == [1, 2]


# --- The admin ---


@pytest.mark.django_db
def test_the_admin_changes_nothing_once_the_minutes_are_approved(client, approved):
    from tests.factories import UserFactory

    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    item = approved.items.get()
    before = snapshot(approved)
    data = {
        "meeting": approved.pk,
        "section": "decision",
        "position": 1,
        "title": "Admin",
        "body_heading": "presentation",
        "recommendations": "[]",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    assert client.post(f"/admin/meetings/agendaitem/{item.pk}/change/", data).status_code == 403
    assert (
        client.post(f"/admin/meetings/meeting/{approved.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    history = item.history.order_by("history_id").first()
    revert = f"/admin/meetings/agendaitem/{item.pk}/history/{history.history_id}/"
    assert client.post(revert, data).status_code == 403
    assert snapshot(approved) == before


# --- Changes after the agenda went out ---


@pytest.mark.django_db
def test_a_change_after_the_agenda_went_out_is_marked_logged_versioned_and_told(
    client, secretariat, das_member, published, mailoutbox, django_capture_on_commit_callbacks
):
    BodyMember.objects.create(
        body=published.body, user=das_member, name="Dorte", organisation="Thisted Kommune"
    )
    item = published.items.get()
    client.force_login(secretariat)
    data = {
        "section": item.section,
        "title": "Budget 2020 (revideret)",
        "body_heading": item.body_heading,
        "is_public": "on",
        "edit_version": item.edit_version,
        "rec-TOTAL_FORMS": "0",
        "rec-INITIAL_FORMS": "0",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(published, f"punkter/{item.pk}/"), data).status_code == 302
    item.refresh_from_db()
    assert item.changed_after_publication
    event = MeetingEvent.objects.get()
    assert event.user == secretariat and "Budget 2020 (revideret)" in event.description
    made = GeneratedDocument.objects.filter(kind="meetings.document").order_by("id")
    assert [(d.params["document"], d.status) for d in made] == [
        ("agenda", "done"),
        ("pack", "done"),
    ]
    assert [m.subject for m in mailoutbox] == [
        "Ændret dagsorden til mødet i DAS den 10. september 2019"
    ]
    assert "1. Budget 2020 (revideret) – Ændret efter udsendelse" in mailoutbox[0].body
    client.force_login(das_member)
    assert "Ændret efter udsendelse" in client.get(url(published)).content.decode()


@pytest.mark.django_db
def test_the_agenda_pdf_marks_an_item_changed_after_it_went_out(secretariat, published):
    from meetings.pdf import meeting_for_pdf, render_meeting_pdf
    from tests.meetings.support import pages_of

    item = published.items.get()
    services.item_save(
        item=item,
        values={"summary": "Nyt resumé"},
        user=secretariat,
        expected_version=item.edit_version,
    )
    text = " ".join(pages_of(render_meeting_pdf(meeting_for_pdf(published.reference))))
    assert "Ændret efter udsendelse" in text


@pytest.mark.django_db
def test_writing_the_minutes_after_the_meeting_is_not_a_change_of_the_agenda(
    published, mailoutbox, django_capture_on_commit_callbacks
):
    Meeting.objects.filter(pk=published.pk).update(status=MeetingStatus.HELD)
    item = published.items.get()
    person = published.attendance.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_save(
            meeting=published,
            rows=[
                {
                    "item": item.pk,
                    "decision": "Godkendt",
                    "editorial_note": "",
                    "edit_version": item.edit_version,
                }
            ],
        )
    item.refresh_from_db()
    assert item.decision == "Godkendt" and not item.changed_after_publication
    assert person.kind == "present"
    assert not MeetingEvent.objects.exists() and not mailoutbox
