import json

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from documents.models import GeneratedDocument

from .access import get_meeting_for_user, may_see_document, visible_meetings
from .models import Meeting
from .pdf import DOCUMENT_TITLES, build_meeting_context


@login_required
def meeting_list(request):
    meetings = visible_meetings(request.user)
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


@login_required
def meeting_detail(request, reference):
    meeting = get_meeting_for_user(request.user, reference)
    meeting = Meeting.objects.select_related("body").prefetch_related(
        "attendance", "items__attachments").get(pk=meeting.pk)  # fmt: skip
    latest = {}
    for document in GeneratedDocument.objects.filter(
        kind="meetings.document", key__startswith=f"meetings.document:{reference}:",
        status="done").order_by("created_at"):  # fmt: skip
        if may_see_document(request.user, document.params):
            latest[document.params["document"]] = document
    kinds = [(code, DOCUMENT_TITLES[code]) for code in ("agenda", "pack", "minutes")]
    return render(request, "meetings/meeting_detail.html", {
        **build_meeting_context(meeting, minutes=False),
        "documents": [(code, title, latest.get(code)) for code, title in kinds],
        "requests": [(code, title, json.dumps({"meeting": reference, "document": code}))
                     for code, title in kinds],
    })  # fmt: skip
