import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.models import GeneratedDocument
from organisations.access import require_secretariat

from . import services
from .access import (
    get_attachment_for_user,
    get_meeting_for_user,
    may_see_document,
    visible_meetings,
)
from .forms import ItemForm, NewItemForm
from .models import Meeting
from .pdf import DOCUMENT_TITLES, build_meeting_context


@login_required
def meeting_list(request):
    meetings = visible_meetings(request.user)
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


@login_required
def meeting_detail(request, reference):
    meeting = get_object_or_404(
        visible_meetings(request.user).prefetch_related(
            "attendance", "items__attachments__document"
        ),
        reference=reference,
    )
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
        "new_item_form": NewItemForm(),
        "requests": [(code, title, json.dumps({"meeting": reference, "document": code}))
                     for code, title in kinds],
    })  # fmt: skip


def _secretariat_meeting(request, reference) -> Meeting:
    require_secretariat(request.user)
    return get_meeting_for_user(request.user, reference)


@login_required
@require_POST
def item_new(request, reference):
    meeting = _secretariat_meeting(request, reference)
    form = NewItemForm(request.POST)
    if form.is_valid():
        item = services.item_create(meeting=meeting, **form.cleaned_data)
        return redirect("meetings:item", reference=reference, pk=item.pk)
    messages.error(request, _("Give the new item a section and a title."))
    return redirect(meeting)


@login_required
def item_edit(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    form = ItemForm(request.POST or None, instance=item,
                    initial={"edit_version": item.edit_version})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(item=item, values=form.cleaned_data,
                               expected_version=form.cleaned_data["edit_version"])  # fmt: skip
        except services.EditConflict as conflict:
            form.add_error(None, conflict.messages[0])
        else:
            messages.success(request, _("The item has been saved."))
            return redirect(meeting)
    return render(request, "meetings/item_form.html", {"meeting": meeting, "item": item,
                                                        "form": form})  # fmt: skip


@login_required
@require_POST
def item_move(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    services.item_move(item=item, direction=request.POST.get("direction", "up"))
    return redirect(meeting)


@login_required
def attachment_download(request, reference, pk):
    attachment = get_attachment_for_user(request.user, reference, pk)
    stored = attachment.pdf_file
    if stored is None:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"{slugify(attachment.title) or 'bilag'}.pdf")  # fmt: skip
