"""The secretariat sets up meetings in the browser: a new meeting (with the body's members
filled in as present), the meeting's date, times and venue, and its attendance.

Everyone else gets a 404 (require_secretariat), as on the other secretariat pages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import require_secretariat
from socialaftale.lib.edits import (
    STALE_MESSAGE,
    TOKEN_NAME,
    StaleEdit,
    edit_token,
)

from . import selectors, services_setup
from .access import get_meeting_for_user
from .changes import check_writable
from .forms_setup import AttendanceFormSet, MeetingForm
from .models import Meeting
from .views_status import refuses_frozen


def _save_meeting(form: MeetingForm, *, create: bool, user=None) -> Meeting | None:
    """Save the meeting through its service; None if the database refused it because another
    meeting of the body got that date in the meantime (the form then says so)."""
    try:
        if create:
            return services_setup.meeting_create(form=form)
        return services_setup.meeting_update(form=form, user=user)
    except IntegrityError:
        body, date = form.cleaned_data["body"], form.cleaned_data["date"]
        existing = form.existing_meeting(body, date)
        form.add_duplicate_error(body, existing.reference if existing else "?")
        return None


@login_required
def meeting_new(request):
    require_secretariat(request.user)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = _save_meeting(form, create=True)
        if meeting is not None:
            messages.success(
                request,
                _("The meeting %(reference)s has been created.") % {"reference": meeting.reference},
            )
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


@login_required
@refuses_frozen
def meeting_edit(request, reference):
    require_secretariat(request.user)
    meeting = get_meeting_for_user(request.user, reference)
    check_writable(meeting)
    form = MeetingForm(request.POST or None, instance=meeting)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_meeting(form, create=False, user=request.user)
        except StaleEdit:  # shown again with what was typed, the message and a fresh token
            form.refuse_stale()
            saved, status = None, 409
        if saved is not None:
            if saved.reference != reference:
                messages.success(
                    request,
                    _("The meeting has been saved. Its reference is now %(reference)s.")
                    % {"reference": saved.reference},
                )
            else:
                messages.success(request, _("The meeting has been saved."))
            return redirect(saved)
    # The form may have changed the instance in memory; links use the stored reference.
    context = {"form": form, "meeting": meeting, "reference": reference}
    return render(request, "meetings/meeting_form.html", context, status=status)


@login_required
@refuses_frozen
def attendance(request, reference):
    require_secretariat(request.user)
    meeting = get_meeting_for_user(request.user, reference)
    check_writable(meeting)
    formset = AttendanceFormSet(request.POST or None, instance=meeting)
    token, stale = _attendance_token(meeting), False
    if request.method == "POST" and formset.is_valid():
        try:
            services_setup.attendance_save(
                meeting=meeting,
                formset=formset,
                token=request.POST.get(TOKEN_NAME, ""),
                user=request.user,
            )
        except StaleEdit:  # what was typed is shown again, with the current token
            token, stale = _attendance_token(meeting), True
        except IntegrityError:
            messages.error(
                request,
                _(
                    "The attendance could not be saved; nothing was changed. "
                    "Check the rows and save again."
                ),
            )
        else:
            messages.success(request, _("The attendance has been saved."))
            if request.POST.get("more_rows"):
                return redirect("meetings:attendance", reference=meeting.reference)
            return redirect(meeting)
    context = {
        "meeting": meeting,
        "formset": formset,
        "edit_token": token,
        "stale_message": STALE_MESSAGE if stale else None,
    }
    return render(request, "meetings/attendance_form.html", context, status=409 if stale else 200)


def _attendance_token(meeting: Meeting) -> str:
    return edit_token(selectors.attendance_rows(meeting))
