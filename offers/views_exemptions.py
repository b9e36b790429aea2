"""Exemptions from the agreement's coverage in the browser (issue 13): recorded by the
secretariat on the offer's page with the buying municipalities, the agreement's dates and its
document; listed with what expires soon; the document sent only to those it concerns."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_exemptions as services
from .access import (
    can_manage_exemptions,
    get_exemption_document_for_user,
    get_exemption_for_edit,
    get_offer_for_edit,
)
from .forms import ExemptionForm
from .models import CoverageExemption
from .selectors import expiring_exemptions
from .tables import exemption_table


def _values(form) -> dict:
    values = dict(form.cleaned_data)
    values.pop(TOKEN_NAME, None)
    return values


def _show(request, form, offer, status=200):
    context = {"form": form, "offer": offer, "exemption": form.instance}
    return render(request, "offers/exemption_form.html", context, status=status)


@login_required
def exemption_create(request, pk):
    offer = get_offer_for_edit(request.user, pk)
    form = ExemptionForm(request.POST or None, request.FILES or None, offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.exemption_create(offer=offer, actor=request.user, **_values(form))
        except ValidationError as refused:
            form.add_error(None, refused)
            return _show(request, form, offer, status=400)
        messages.success(request, _("The exemption has been recorded."))
        return redirect(offer)
    return _show(request, form, offer)


@login_required
def exemption_edit(request, pk):
    exemption = get_exemption_for_edit(request.user, pk)
    form = ExemptionForm(
        request.POST or None, request.FILES or None, instance=exemption, offer=exemption.offer
    )
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data.get(TOKEN_NAME, "")
        try:
            services.exemption_update(
                exemption=exemption, actor=request.user, expected_token=token, **_values(form)
            )
        except StaleEdit:
            form.refuse_stale()
            return _show(request, form, exemption.offer, status=409)
        except ValidationError as refused:
            form.add_error(None, refused)
            return _show(request, form, exemption.offer, status=400)
        messages.success(request, _("The exemption has been saved."))
        return redirect(exemption.offer)
    return _show(request, form, exemption.offer)


@login_required
@require_GET
def exemption_document(request, pk):
    exemption = get_exemption_document_for_user(request.user, pk)
    return FileResponse(
        exemption.document.open("rb"),
        as_attachment=True,
        filename=exemption.document_name or "aftale.pdf",
        content_type="application/pdf",
    )


@login_required
@require_GET
def exemption_list(request):
    """Every exemption with its state; ?udloeber=1: those expiring within 60 days."""
    if not can_manage_exemptions(request.user):
        raise Http404
    today = timezone.localdate()
    expiring_only = bool(request.GET.get("udloeber"))
    exemptions = expiring_exemptions(today) if expiring_only else CoverageExemption.objects.all()
    exemptions = list(
        exemptions.select_related("offer__operator")
        .prefetch_related("buyers")
        .order_by("offer__name", "-from_year")
    )
    table = exemption_table(exemptions, today)
    if fmt := requested_format(request):
        return tables_download("undtagelser", fmt, [table])
    rows = [(e, row) for e, row in zip(exemptions, table.rows, strict=True)]
    context = {"table": table, "rows": rows, "expiring_only": expiring_only}
    return render(request, "offers/exemption_list.html", context)
