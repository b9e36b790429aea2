"""The secretariat sets up meetings in the browser: a new meeting (with the body's members
filled in as present), the meeting's date, times and venue, and its attendance.

Everyone else gets a 404 (require_secretariat), as on the other secretariat pages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import require_secretariat

from .access import get_meeting_for_user
from .forms_setup import AttendanceFormSet, MeetingForm
from .models import Attendance, AttendanceKind, Meeting


def _save_meeting(form: MeetingForm, *, prefill_attendance: bool) -> Meeting | None:
    """Save the meeting (and for a new meeting its members as present). None if the database
    refused it because another meeting of the body got that date in the meantime."""
    try:
        with transaction.atomic():
            meeting = form.save()
            if prefill_attendance:
                Attendance.objects.bulk_create(
                    Attendance(meeting=meeting, name=member.name,
                               organisation=member.organisation, role=member.role,
                               kind=AttendanceKind.PRESENT, position=position)
                    for position, member in enumerate(meeting.body.members.all())
                )  # fmt: skip
    except IntegrityError:
        body, date = form.cleaned_data["body"], form.cleaned_data["date"]
        existing = form.existing_meeting(body, date)
        form.add_duplicate_error(body, existing.reference if existing else "?")
        return None
    return meeting


@login_required
def meeting_new(request):
    require_secretariat(request.user)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = _save_meeting(form, prefill_attendance=True)
        if meeting is not None:
            messages.success(request, _("The meeting %(reference)s has been created.")
                             % {"reference": meeting.reference})  # fmt: skip
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


@login_required
def meeting_edit(request, reference):
    require_secretariat(request.user)
    meeting = get_meeting_for_user(request.user, reference)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        saved = _save_meeting(form, prefill_attendance=False)
        if saved is not None:
            if saved.reference != reference:
                messages.success(request, _(
                    "The meeting has been saved. Its reference is now %(reference)s.")
                    % {"reference": saved.reference})  # fmt: skip
            else:
                messages.success(request, _("The meeting has been saved."))
            return redirect(saved)
    # The form may have changed the instance in memory; links use the stored reference.
    return render(request, "meetings/meeting_form.html",
                  {"form": form, "meeting": meeting, "reference": reference})  # fmt: skip


@login_required
def attendance(request, reference):
    require_secretariat(request.user)
    meeting = get_meeting_for_user(request.user, reference)
    formset = AttendanceFormSet(request.POST or None, instance=meeting)
    if request.method == "POST" and formset.is_valid():
        try:
            with transaction.atomic():
                for form in formset.deleted_forms:
                    if form.instance.pk is not None:
                        form.instance.delete()
                for position, form in enumerate(formset.rows_to_save()):
                    person = form.save(commit=False)
                    person.meeting = meeting
                    person.position = position
                    person.save()
        except IntegrityError:
            messages.error(request, _("The attendance could not be saved; nothing was changed. "
                                      "Check the rows and save again."))  # fmt: skip
        else:
            messages.success(request, _("The attendance has been saved."))
            if request.POST.get("more_rows"):
                return redirect("meetings:attendance", reference=meeting.reference)
            return redirect(meeting)
    return render(request, "meetings/attendance_form.html",
                  {"meeting": meeting, "formset": formset})  # fmt: skip
