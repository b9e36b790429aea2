"""Writes for setting up a meeting: a new meeting (with the body's members filled in as
present), its date, times and venue, and its attendance. Refused once the minutes are
approved; logged (and the members told) once the agenda is out (meetings.changes)."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from socialaftale.lib.edits import check_unchanged, save_edited

from .changes import check_writable, record_change
from .models import Attendance, AttendanceKind, BodyRole, Meeting
from .selectors import attendance_rows


@transaction.atomic
def meeting_create(*, form) -> Meeting:
    """The new meeting from its form (a bound, valid MeetingForm), and the body's members as
    present. IntegrityError (nothing saved) if another meeting of the body got that date in
    the meantime."""
    meeting = form.save()
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            name=member.name,
            organisation=member.organisation,
            role=attendance_role(member),
            kind=AttendanceKind.PRESENT,
            position=position,
        )
        for position, member in enumerate(meeting.body.members.current(meeting.date))
    )
    return meeting


def attendance_role(member) -> str:
    """As the minutes write it: "formand", "ref." …; nothing for an ordinary member."""
    if member.role == BodyRole.MEMBER:
        return ""
    with translation.override("da"):
        return str(member.get_role_display()).lower()


@transaction.atomic
def meeting_update(*, form, user=None) -> Meeting:
    """The meeting's date, times and venue from its edit form, under the row lock: StaleEdit
    if someone else saved it since the form was shown, IntegrityError for a taken date."""
    check_writable(form.instance)
    meeting = save_edited(form)
    if form.has_changed():
        record_change(meeting=meeting, user=user, description=_("Date, time or venue changed"))
    return meeting


@transaction.atomic
def attendance_save(*, meeting: Meeting, formset, token: str | None, user=None) -> None:
    """The attendance from its formset (bound and valid), all or nothing: deleted rows go,
    the others are saved in the order shown. StaleEdit if the stored attendance is no longer
    what the page showed (its token); an attendance change once held is part of the minutes."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    check_writable(meeting)
    check_unchanged(token, attendance_rows(meeting))
    for form in formset.deleted_forms:
        if form.instance.pk is not None:
            form.instance.delete()
    for position, form in enumerate(formset.rows_to_save()):
        person = form.save(commit=False)
        person.meeting = meeting
        person.position = position
        person.save()
    if formset.has_changed():
        record_change(
            meeting=meeting,
            user=user,
            minutes_once_held=True,
            description=_("Attendance changed"),
        )
