import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from documents.models import GeneratedDocument
from organisations.access import require_secretariat, roles_for
from socialaftale.lib.delivery import report_to
from socialaftale.lib.export import SafeExportMixin

from . import mailing, services
from .access import (
    get_attachment_for_user,
    get_meeting_for_user,
    may_see_document_of,
    visible_meetings,
)
from .calculations import number_items
from .filters import MeetingFilter
from .forms import (
    AttachmentForm,
    ForwardForm,
    GeneratedItemForm,
    ItemForm,
    MinutesFormSet,
    NewItemForm,
    RecommendationFormSet,
    recommendation_initial,
    recommendations_from,
)
from .mailing import NOTICE_WHAT
from .models import Meeting
from .pdf import DOCUMENT_TITLES, build_meeting_context, item_history
from .tables import MeetingTable

ACTION_LABELS = {
    "publish": gettext_lazy("Publish the agenda"),
    "hold": gettext_lazy("Mark as held"),
    "approve": gettext_lazy("Approve the minutes"),
    "cancel": gettext_lazy("Cancel the meeting"),
}


class MeetingListView(LoginRequiredMixin, SafeExportMixin, SingleTableMixin, FilterView):
    """The meetings the user may see: filter by body, year and status; 25 a page; CSV/XLSX."""

    template_name = "meetings/meeting_list.html"
    table_class = MeetingTable
    filterset_class = MeetingFilter
    paginate_by = 25
    export_formats = ("csv", "xlsx")
    export_name = "moeder"

    def get_queryset(self):
        meetings = visible_meetings(self.request.user).annotate(item_count=Count("items"))
        return meetings.order_by("-date", "body__short_name")


meeting_list = MeetingListView.as_view()


def _meeting_with_items(request, reference) -> Meeting:
    meetings = visible_meetings(request.user).prefetch_related(
        "attendance", "items__attachments__document")  # fmt: skip
    return get_object_or_404(meetings, reference=reference)


@login_required
def meeting_detail(request, reference):
    meeting = _meeting_with_items(request, reference)
    kinds = [(code, DOCUMENT_TITLES[code]) for code in ("agenda", "pack", "minutes")]
    latest = {code: _latest_document(meeting, code) for code, _title in kinds
              if may_see_document_of(request.user, meeting, code)}  # fmt: skip
    context = build_meeting_context(meeting, minutes=False)
    return render(request, "meetings/meeting_detail.html", {
        **context,
        "documents": [(code, title, latest.get(code)) for code, title in kinds],
        "new_item_form": NewItemForm(), "generated_form": GeneratedItemForm(),
        "mailings": mailing.mailing_rows(meeting) if roles_for(request.user).is_secretariat
        else [],
        "actions": [(action, ACTION_LABELS[action])
                    for action in services.available_actions(meeting.status)],
        "requests": [(code, _("Make PDF: %(title)s") % {"title": title},
                      json.dumps({"meeting": reference, "document": code}))
                     for code, title in kinds],
    })  # fmt: skip


def _latest_document(meeting: Meeting, code: str) -> GeneratedDocument | None:
    """The newest finished version (one query per document kind, whatever the versions)."""
    key = f"meetings.document:{meeting.reference}:{code}"
    documents = GeneratedDocument.objects.filter(kind="meetings.document", key=key, status="done")
    return documents.order_by("-version").first()


def _secretariat_meeting(request, reference) -> Meeting:
    require_secretariat(request.user)
    return get_meeting_for_user(request.user, reference)


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def meeting_status(request, reference):
    meeting = _secretariat_meeting(request, reference)
    action = request.POST.get("action", "")
    if action not in services.TRANSITIONS:
        raise Http404
    try:
        meeting = services.meeting_transition(meeting=meeting, action=action, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        done = _("The meeting is now “%(status)s”.") % {"status": meeting.get_status_display()}
        report = mailing.latest_report(meeting, action) if action in services.NOTICE_ON else None
        if report is None:
            messages.success(request, done)
        else:
            report_to(request, report, NOTICE_WHAT[action], before=done)
    return redirect(meeting)


@login_required
def meeting_preview(request, reference):
    """The agenda (or with ?referat=1 the minutes) as the PDF will show it, in the browser."""
    require_secretariat(request.user)
    meeting = _meeting_with_items(request, reference)
    minutes = request.GET.get("referat") == "1"
    return render(request, "meetings/meeting_preview.html",
                  build_meeting_context(meeting, minutes=minutes))  # fmt: skip


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
@require_POST
def item_generate(request, reference):
    meeting = _secretariat_meeting(request, reference)
    form = GeneratedItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the data the item is made from."))
        return redirect(meeting)
    try:
        item = services.item_generate(meeting=meeting, choice=form.cleaned_data["choice"],
                                      user=request.user)  # fmt: skip
    except ValidationError as error:
        _refused(request, error)
        return redirect(meeting)
    messages.success(request, _("The item “%(title)s” has been added; its attachment is being "
                                "generated.") % {"title": item.title})  # fmt: skip
    return redirect("meetings:item", reference=reference, pk=item.pk)


def _item_page(request, meeting, item, *, form, recommendations, attachment_form=None,
               forward_form=None, status=200):  # fmt: skip
    siblings = meeting.items.values_list("pk", "section", "position")
    attachments = item.attachments.select_related("document")
    return render(request, "meetings/item_form.html", {
        "meeting": meeting, "item": item, "form": form, "recommendations": recommendations,
        "number": number_items(list(siblings)).get(item.pk),
        "attachments": attachments,
        "attachment_form": attachment_form or AttachmentForm(),
        "forward_form": forward_form or ForwardForm(targets=services.forward_targets(item)),
        "history": item_history(item),
        "forwarded_to": item.forwarded_to.select_related("meeting__body"),
    }, status=status)  # fmt: skip


@login_required
def item_edit(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    form = ItemForm(request.POST or None, instance=item,
                    initial={"edit_version": item.edit_version})  # fmt: skip
    recommendations = RecommendationFormSet(
        request.POST or None, prefix="rec", initial=recommendation_initial(item))  # fmt: skip
    if request.method == "POST" and form.is_valid() and recommendations.is_valid():
        values = {**form.cleaned_data, "recommendations": recommendations_from(recommendations)}
        try:
            services.item_save(item=item, values=values,
                               expected_version=form.cleaned_data["edit_version"])  # fmt: skip
        except services.EditConflict as conflict:
            form.add_error(None, conflict.messages[0])
        else:
            messages.success(request, _("The item has been saved."))
            return redirect(meeting)
    return _item_page(request, meeting, item, form=form, recommendations=recommendations)


@login_required
def minutes_edit(request, reference):
    """All items' decisions and "Red.:" notes on one page, in agenda order."""
    require_secretariat(request.user)
    meeting = _meeting_with_items(request, reference)
    rows = build_meeting_context(meeting, minutes=True)["items"]
    initial = [{"item": r["item"].pk, "edit_version": r["item"].edit_version,
                "decision": r["item"].decision, "editorial_note": r["item"].editorial_note}
               for r in rows]  # fmt: skip
    formset = MinutesFormSet(request.POST or None, initial=initial, prefix="referat")
    if request.method == "POST" and formset.is_valid():
        try:
            changed = services.minutes_save(meeting=meeting, rows=formset.cleaned_data)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("The minutes have been saved (%(count)s items changed).")
                             % {"count": changed})  # fmt: skip
            return redirect(meeting)
    pairs = list(zip(rows, formset.forms, strict=True))
    context = {"meeting": meeting, "formset": formset, "rows": pairs}
    return render(request, "meetings/minutes_form.html", context)


@login_required
def item_delete(request, reference, pk):
    """GET asks to confirm; POST removes the item (and its attachments) from the agenda. The
    numbers of the items after it follow, since they are computed."""
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    if request.method == "POST":
        title = item.title
        item.delete()
        messages.success(request, _("The item “%(title)s” has been removed from the agenda.")
                         % {"title": title})  # fmt: skip
        return redirect(meeting)
    return render(request, "meetings/item_delete.html", {"meeting": meeting, "item": item})


@login_required
@require_POST
def item_move(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    services.item_move(item=item, direction=request.POST.get("direction", "up"))
    return redirect(meeting)


def _fresh_item_forms(item):
    form = ItemForm(instance=item, initial={"edit_version": item.edit_version})
    recommendations = RecommendationFormSet(prefix="rec", initial=recommendation_initial(item))
    return form, recommendations


@login_required
@require_POST
def attachment_upload(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    upload = AttachmentForm(request.POST, request.FILES)
    if not upload.is_valid():
        form, recommendations = _fresh_item_forms(item)
        return _item_page(request, meeting, item, form=form, recommendations=recommendations,
                          attachment_form=upload, status=400)  # fmt: skip
    services.attachment_add(item=item, title=upload.cleaned_data["title"],
                            file=upload.cleaned_data["file"])  # fmt: skip
    messages.success(request, _("The attachment has been added."))
    return redirect("meetings:item", reference=reference, pk=item.pk)


@login_required
@require_POST
def attachment_delete(request, reference, pk):
    require_secretariat(request.user)
    attachment = get_attachment_for_user(request.user, reference, pk)
    item = attachment.item
    attachment.delete()  # the stored file stays: a forwarded copy may point at it
    messages.success(request, _("The attachment has been removed."))
    return redirect("meetings:item", reference=reference, pk=item.pk)


@login_required
@require_POST
def attachment_regenerate(request, reference, pk):
    require_secretariat(request.user)
    attachment = get_attachment_for_user(request.user, reference, pk)
    try:
        services.attachment_regenerate(attachment=attachment, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The attachment is being generated again from the current "
                                    "data."))  # fmt: skip
    return redirect("meetings:item", reference=reference, pk=attachment.item_id)


@login_required
@require_POST
def item_forward(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    forward = ForwardForm(request.POST, targets=services.forward_targets(item))
    if forward.is_valid():
        try:
            copy = services.item_forward(item=item, target=forward.cleaned_data["target"])
        except ValidationError as error:
            forward.add_error("target", error)
        else:
            messages.success(request, _("The item has been put on the agenda of %(meeting)s.")
                             % {"meeting": copy.meeting.reference})  # fmt: skip
            return redirect("meetings:item", reference=copy.meeting.reference, pk=copy.pk)
    form, recommendations = _fresh_item_forms(item)
    return _item_page(request, meeting, item, form=form, recommendations=recommendations,
                      forward_form=forward, status=400)  # fmt: skip


@login_required
def attachment_download(request, reference, pk):
    attachment = get_attachment_for_user(request.user, reference, pk)
    stored = attachment.pdf_file
    if stored is None:
        raise Http404
    return FileResponse(stored.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"{slugify(attachment.title) or 'bilag'}.pdf")  # fmt: skip
