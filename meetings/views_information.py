"""The secretariat previews and sends the information e-mail of a cancelled meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from organisations.access import require_secretariat, roles_for
from socialaftale.lib.delivery import report_to

from .access import get_meeting_for_user, member_bodies
from .information_mail import (
    InformationMailRefused,
    information_mail,
    information_queue,
    meeting_for_information,
    recipients,
    refusal,
)
from .mailing import NOTICE_WHAT, mailing_report
from .pdf import build_meeting_context


@login_required
@require_http_methods(["GET", "POST"])
def information(request, reference):
    require_secretariat(request.user)
    meeting = meeting_for_information(get_meeting_for_user(request.user, reference).pk)
    reached, unreachable = recipients(meeting)
    reason = refusal(meeting)
    if reason is None and not reached:
        reason = _(
            "None of the members of %(body)s can be reached by e-mail, so nothing was sent."
        ) % {"body": meeting.body.name}
    if request.method == "POST":
        if reason:
            messages.error(request, reason)
            return redirect(meeting)
        try:
            queued = information_queue(meeting_id=meeting.pk, user=request.user)
        except InformationMailRefused as refused:  # sent by someone else meanwhile
            messages.error(request, str(refused))
            return redirect(meeting)
        queued.refresh_from_db()  # sent by now, unless a worker has it
        report_to(request, mailing_report(queued), NOTICE_WHAT["information"])
        return redirect(meeting)
    subject, text, _html = information_mail(meeting)
    short = meeting.body.short_name
    without_access = [r for r in reached if short not in member_bodies(roles_for(r.member.user))]
    not_ready = [
        (number, attachment)
        for row in build_meeting_context(meeting, minutes=False)["items"]
        if row["item"].is_public
        for number, attachment in row["attachments"]
        if attachment.pdf_file is None
    ]
    return render(
        request,
        "meetings/information_mail.html",
        {
            "meeting": meeting,
            "subject": subject,
            "text": text,
            "recipients": reached,
            "unreachable": unreachable,
            "refusal": reason,
            "without_access": without_access,
            "not_ready": not_ready,
        },
    )


# Spliced into meetings/urls.py (namespace "meetings"), so this module owns its one route.
urlpatterns = [path("<slug:reference>/orientering/", information, name="information")]
