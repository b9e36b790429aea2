import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from organisations.access import require_secretariat, roles_for
from socialaftale.lib.danish import file_slug
from socialaftale.lib.export import SafeExportMixin

from . import mailing, selectors, services
from .access import (
    get_attachment_for_user,
    get_meeting_for_user,
    may_see_document_of,
)
from .changes import MeetingFrozen, frozen_message, is_frozen
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
from .models import Meeting, MeetingStatus
from .pdf import DOCUMENT_TITLES, build_meeting_context
from .tables import MeetingTable
from .views_status import ACTION_LABELS, refuses_frozen


class MeetingListView(LoginRequiredMixin, SafeExportMixin, SingleTableMixin, FilterView):
    """The meetings the user may see: filter by body, year and status; 25 a page; CSV/XLSX."""

    template_name = "meetings/meeting_list.html"
    table_class = MeetingTable
    filterset_class = MeetingFilter
    paginate_by = 25
    export_formats = ("csv", "xlsx")
    export_name = "moeder"

    def get_queryset(self):
        return selectors.meetings_for_list(self.request.user)

    def get_context_data(self, **kwargs):
        can_create = roles_for(self.request.user).is_secretariat
        return super().get_context_data(can_create_meeting=can_create, **kwargs)


meeting_list = MeetingListView.as_view()


def _meeting_with_items(request, reference) -> Meeting:
    return get_object_or_404(selectors.meetings_with_items(request.user), reference=reference)


@login_required
def meeting_detail(request, reference):
    meeting = _meeting_with_items(request, reference)
    kinds = [(code, DOCUMENT_TITLES[code]) for code in ("agenda", "pack", "minutes")]
    latest = {
        code: selectors.latest_meeting_document(meeting, code)
        for code, _title in kinds
        if may_see_document_of(request.user, meeting, code)
    }
    context = build_meeting_context(meeting, minutes=False)
    secretariat = roles_for(request.user).is_secretariat
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            **context,
            **_edit_flags(request, meeting),
            "can_manage": secretariat,
            "offers_information_email": secretariat and meeting.status == MeetingStatus.CANCELLED,
            "documents": [(code, title, latest.get(code)) for code, title in kinds],
            "new_item_form": NewItemForm(),
            "generated_form": GeneratedItemForm(),
            "mailings": mailing.mailing_rows(meeting) if secretariat else [],
            "actions": [
                (action, ACTION_LABELS[action], action in {"cancel", "reopen"})
                for action in services.available_actions(meeting)
            ],
            "events": selectors.meeting_events(meeting) if secretariat else [],
            "requests": [
                (
                    code,
                    _("Make PDF: %(title)s") % {"title": title},
                    json.dumps({"meeting": reference, "document": code}),
                )
                for code, title in kinds
            ],
        },
    )


def _edit_flags(request, meeting: Meeting) -> dict:
    """What the page offers: editing only to the secretariat and only until the minutes are
    approved (then the page says why)."""
    secretariat = roles_for(request.user).is_secretariat
    frozen = is_frozen(meeting)
    return {
        "may_edit": secretariat and not frozen,
        "frozen_notice": frozen_message() if secretariat and frozen else "",
    }


def _secretariat_meeting(request, reference) -> Meeting:
    require_secretariat(request.user)
    return get_meeting_for_user(request.user, reference)


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def meeting_preview(request, reference):
    """The agenda (or with ?referat=1 the minutes) as the PDF will show it, in the browser."""
    require_secretariat(request.user)
    meeting = _meeting_with_items(request, reference)
    minutes = request.GET.get("referat") == "1"
    return render(
        request, "meetings/meeting_preview.html", build_meeting_context(meeting, minutes=minutes)
    )


@login_required
@require_POST
@refuses_frozen
def item_new(request, reference):
    meeting = _secretariat_meeting(request, reference)
    form = NewItemForm(request.POST)
    if form.is_valid():
        item = services.item_create(meeting=meeting, user=request.user, **form.cleaned_data)
        return redirect("meetings:item", reference=reference, pk=item.pk)
    messages.error(request, _("Give the new item a section and a title."))
    return redirect(meeting)


@login_required
@require_POST
@refuses_frozen
def item_generate(request, reference):
    meeting = _secretariat_meeting(request, reference)
    form = GeneratedItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the data the item is made from."))
        return redirect(meeting)
    try:
        item = services.item_generate(
            meeting=meeting, choice=form.cleaned_data["choice"], user=request.user
        )
    except ValidationError as error:
        _refused(request, error)
        return redirect(meeting)
    messages.success(
        request,
        _("The item “%(title)s” has been added; its attachment is being generated.")
        % {"title": item.title},
    )
    return redirect("meetings:item", reference=reference, pk=item.pk)


def _item_page(
    request,
    meeting,
    item,
    *,
    form,
    recommendations,
    attachment_form=None,
    forward_form=None,
    status=200,
):
    flags = _edit_flags(request, meeting)
    if not flags["may_edit"]:  # read-only: the fields show the approved text
        for field in [
            *form.fields.values(),
            *(f for r in recommendations for f in r.fields.values()),
        ]:
            field.disabled = True
    return render(
        request,
        "meetings/item_form.html",
        {
            **flags,
            "meeting": meeting,
            "item": item,
            "form": form,
            "recommendations": recommendations,
            "number": selectors.item_number(item),
            "attachments": selectors.item_attachments(item),
            "attachment_form": attachment_form or AttachmentForm(),
            "forward_form": forward_form or ForwardForm(targets=selectors.forward_targets(item)),
            "history": selectors.item_history(item),
            "forwarded_to": selectors.forwarded_copies(item),
        },
        status=status,
    )


@login_required
@refuses_frozen
def item_edit(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    form = ItemForm(
        request.POST or None, instance=item, initial={"edit_version": item.edit_version}
    )
    recommendations = RecommendationFormSet(
        request.POST or None, prefix="rec", initial=recommendation_initial(item)
    )
    if request.method == "POST" and form.is_valid() and recommendations.is_valid():
        values = {**form.cleaned_data, "recommendations": recommendations_from(recommendations)}
        try:
            services.item_save(
                item=item,
                values=values,
                user=request.user,
                expected_version=form.cleaned_data["edit_version"],
            )
        except services.EditConflict as conflict:
            form.add_error(None, conflict.messages[0])
        else:
            messages.success(request, _("The item has been saved."))
            return redirect(meeting)
    return _item_page(request, meeting, item, form=form, recommendations=recommendations)


@login_required
@refuses_frozen
def minutes_edit(request, reference):
    """All items' decisions and "Red.:" notes on one page, in agenda order."""
    require_secretariat(request.user)
    meeting = _meeting_with_items(request, reference)
    if is_frozen(meeting):
        raise MeetingFrozen(frozen_message())
    rows = build_meeting_context(meeting, minutes=True)["items"]
    initial = [
        {
            "item": r["item"].pk,
            "edit_version": r["item"].edit_version,
            "decision": r["item"].decision,
            "editorial_note": r["item"].editorial_note,
        }
        for r in rows
    ]
    formset = MinutesFormSet(request.POST or None, initial=initial, prefix="referat")
    if request.method == "POST" and formset.is_valid():
        try:
            changed = services.minutes_save(
                meeting=meeting, rows=formset.cleaned_data, user=request.user
            )
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(
                request,
                _("The minutes have been saved (%(count)s items changed).") % {"count": changed},
            )
            return redirect(meeting)
    pairs = list(zip(rows, formset.forms, strict=True))
    context = {"meeting": meeting, "formset": formset, "rows": pairs}
    return render(request, "meetings/minutes_form.html", context)


@login_required
@refuses_frozen
def item_delete(request, reference, pk):
    """GET asks to confirm; POST removes the item (and its attachments) from the agenda. The
    numbers of the items after it follow, since they are computed."""
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    if is_frozen(meeting):
        raise MeetingFrozen(frozen_message())
    if request.method == "POST":
        title = item.title
        services.item_delete(item=item, user=request.user)
        messages.success(
            request, _("The item “%(title)s” has been removed from the agenda.") % {"title": title}
        )
        return redirect(meeting)
    return render(request, "meetings/item_delete.html", {"meeting": meeting, "item": item})


@login_required
@require_POST
@refuses_frozen
def item_move(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    services.item_move(item=item, direction=request.POST.get("direction", "up"), user=request.user)
    return redirect(meeting)


def _fresh_item_forms(item):
    form = ItemForm(instance=item, initial={"edit_version": item.edit_version})
    recommendations = RecommendationFormSet(prefix="rec", initial=recommendation_initial(item))
    return form, recommendations


@login_required
@require_POST
@refuses_frozen
def attachment_upload(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    upload = AttachmentForm(request.POST, request.FILES)
    if not upload.is_valid():
        form, recommendations = _fresh_item_forms(item)
        return _item_page(
            request,
            meeting,
            item,
            form=form,
            recommendations=recommendations,
            attachment_form=upload,
            status=400,
        )
    services.attachment_add(
        item=item,
        title=upload.cleaned_data["title"],
        file=upload.cleaned_data["file"],
        user=request.user,
    )
    messages.success(request, _("The attachment has been added."))
    return redirect("meetings:item", reference=reference, pk=item.pk)


@login_required
@require_POST
@refuses_frozen
def attachment_delete(request, reference, pk):
    """The remove button posts; the answer asks to confirm, and its button posts again with
    `confirmed` (works without JavaScript)."""
    require_secretariat(request.user)
    attachment = get_attachment_for_user(request.user, reference, pk)
    item = attachment.item
    if request.POST.get("confirmed") != "1":
        if is_frozen(item.meeting):
            raise MeetingFrozen(frozen_message())
        return render(
            request,
            "meetings/attachment_delete.html",
            {"meeting": item.meeting, "item": item, "attachment": attachment},
        )
    services.attachment_delete(attachment=attachment, user=request.user)
    messages.success(request, _("The attachment has been removed."))
    return redirect("meetings:item", reference=reference, pk=item.pk)


@login_required
@require_POST
@refuses_frozen
def attachment_regenerate(request, reference, pk):
    require_secretariat(request.user)
    attachment = get_attachment_for_user(request.user, reference, pk)
    try:
        services.attachment_regenerate(attachment=attachment, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request, _("The attachment is being generated again from the current data.")
        )
    return redirect("meetings:item", reference=reference, pk=attachment.item_id)


@login_required
@require_POST
@refuses_frozen
def item_forward(request, reference, pk):
    meeting = _secretariat_meeting(request, reference)
    item = get_object_or_404(meeting.items, pk=pk)
    forward = ForwardForm(request.POST, targets=selectors.forward_targets(item))
    if forward.is_valid():
        try:
            copy = services.item_forward(
                item=item, target=forward.cleaned_data["target"], user=request.user
            )
        except ValidationError as error:
            forward.add_error("target", error)
        else:
            messages.success(
                request,
                _("The item has been put on the agenda of %(meeting)s.")
                % {"meeting": copy.meeting.reference},
            )
            return redirect("meetings:item", reference=copy.meeting.reference, pk=copy.pk)
    form, recommendations = _fresh_item_forms(item)
    return _item_page(
        request,
        meeting,
        item,
        form=form,
        recommendations=recommendations,
        forward_form=forward,
        status=400,
    )


@login_required
def attachment_download(request, reference, pk):
    attachment = get_attachment_for_user(request.user, reference, pk)
    stored = attachment.pdf_file
    if stored is None:
        raise Http404
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        content_type="application/pdf",
        filename=f"{file_slug(attachment.title) or 'bilag'}.pdf",
    )
