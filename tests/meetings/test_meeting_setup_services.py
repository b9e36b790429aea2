"""The set-up writes as services (meetings.services_setup), called without a browser: a new
meeting gets its body's members as present, and a meeting with approved minutes refuses a
new date and new attendance with nothing changed."""

import pytest

from meetings import services_setup
from meetings.changes import MeetingFrozen
from meetings.forms_setup import AttendanceFormSet, MeetingForm
from meetings.models import Attendance, BodyMember, Meeting, MeetingStatus
from tests.factories.meetings import body as make_body


@pytest.fixture
def das(db):
    body = make_body("DAS")
    BodyMember.objects.create(body=body, name="Anne Formand", organisation="Aalborg Kommune")
    BodyMember.objects.create(body=body, name="Bent Direktør", organisation="Hjørring Kommune")
    return body


def meeting_form(body, instance=None, **changes):
    data = {
        "body": body.pk,
        "date": "16.06.2026",
        "starts_at": "13.00",
        "ends_at": "16.00",
        "venue": "Regionshuset",
    }
    if instance is not None:
        data["edit_token"] = MeetingForm(instance=instance)["edit_token"].initial
    form = MeetingForm({**data, **changes}, instance=instance)
    assert form.is_valid(), form.errors
    return form


def test_a_new_meeting_has_its_bodys_members_as_present(das):
    meeting = services_setup.meeting_create(form=meeting_form(das))
    rows = meeting.attendance.order_by("position")
    assert [(a.name, a.kind, a.position) for a in rows] == [
        ("Anne Formand", "present", 0),
        ("Bent Direktør", "present", 1),
    ]


def test_a_meeting_with_approved_minutes_refuses_a_new_venue(das):
    meeting = services_setup.meeting_create(form=meeting_form(das))
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.MINUTES_APPROVED)
    form = meeting_form(das, instance=meeting, venue="Rådhuset")
    with pytest.raises(MeetingFrozen):
        services_setup.meeting_update(form=form, user=None)
    assert Meeting.objects.get(pk=meeting.pk).venue == "Regionshuset"


def test_a_meeting_with_approved_minutes_refuses_new_attendance(das):
    meeting = services_setup.meeting_create(form=meeting_form(das))
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.MINUTES_APPROVED)
    formset = AttendanceFormSet(instance=meeting)
    with pytest.raises(MeetingFrozen):
        services_setup.attendance_save(meeting=meeting, formset=formset, token=None)
    assert Attendance.objects.filter(meeting=meeting).count() == 2
