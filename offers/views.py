from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import CreateView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from organisations.access import require_secretariat
from socialaftale.lib import plausibility
from socialaftale.lib.edits import TOKEN_NAME, StaleEdit, keep_typed
from socialaftale.lib.export import SafeExportMixin, requested_format
from socialaftale.lib.imports import ImportRejected, limits_for, read_upload
from socialaftale.lib.tables import tables_download

from . import services
from .access import (
    can_edit_offer,
    can_maintain_offer,
    can_read_exemption_document,
    get_offer_for_edit,
    get_offer_for_maintenance,
    get_offer_for_user,
)
from .calculations import COVERAGE_EXPLANATIONS
from .calculations import places_summary as places_summary_of
from .filters import OfferFilter
from .forms import CapacityForm, OfferForm, OfferImportForm
from .importers import parse_offers
from .models import Offer
from .sections import offer_sections
from .selectors import (
    catalogue_offers,
    coverage_of,
    default_year,
    exemption_state,
    offer_history,
    place_statistics,
)
from .tables import EXEMPTION_STATES, OfferTable, places_table


def requested_year(request) -> int:
    value = request.GET.get("aar", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else default_year()


class CatalogueView(SafeExportMixin, SingleTableMixin, FilterView):
    """The public offer catalogue: search, filters, pagination and CSV/XLSX export."""

    template_name = "offers/catalogue.html"
    table_class = OfferTable
    filterset_class = OfferFilter
    paginate_by = 25
    export_formats = ("csv", "xlsx")

    def get_queryset(self):
        self.year = requested_year(self.request)
        return catalogue_offers(self.year)

    def get_export_filename(self, export_format):
        return f"tilbud-{self.year}.{export_format}"

    def get_context_data(self, **kwargs):
        can_edit = can_edit_offer(self.request.user)
        return super().get_context_data(year=self.year, can_edit=can_edit, **kwargs)


def offer_detail(request, pk):
    offer = get_offer_for_user(request.user, pk)
    year = requested_year(request)
    can_maintain = can_maintain_offer(request.user, offer)
    coverage = coverage_of(offer, year)
    section_context, sections = offer_sections(request.user, offer)
    return render(
        request,
        "offers/offer_detail.html",
        {
            **section_context,
            "sections": sections,
            "offer": offer,
            "year": year,
            "coverage": coverage,
            "coverage_explanation": COVERAGE_EXPLANATIONS[coverage.reason],
            "usages": [u for u in offer.usages.all() if u.year == year],
            # Provisional tariffs are shown only to those who maintain the offer.
            "tariffs": [t for t in offer.tariffs.all() if can_maintain or t.status == "final"],
            "history": offer_history(offer) if can_maintain else None,
            "can_maintain": can_maintain,
            "confirm_token": services.confirm_token(offer) if can_maintain else "",
            "can_edit": can_edit_offer(request.user),
            "exemptions": exemptions_shown(request.user, offer),
        },
    )


def exemptions_shown(user, offer) -> list:
    """The offer's exemptions with their buyers, state and whether the user may open the
    agreement document (labels for the template)."""
    today = timezone.localdate()
    exemptions = list(offer.exemptions.all())
    for exemption in exemptions:
        exemption.buyer_names = ", ".join(sorted(b.short_name for b in exemption.buyers.all()))
        exemption.state_label = EXEMPTION_STATES[exemption_state(exemption, today)]
        exemption.may_download = bool(exemption.document) and can_read_exemption_document(
            user, exemption
        )
    return exemptions


class OfferCreateView(LoginRequiredMixin, CreateView):
    model = Offer
    form_class = OfferForm
    template_name = "offers/offer_form.html"

    def get_form(self, form_class=None):
        require_secretariat(self.request.user)
        return super().get_form(form_class)

    def form_valid(self, form):
        values = dict(form.cleaned_data)
        del values[TOKEN_NAME]  # a new offer: nobody else can have saved it
        self.object = services.offer_create(**values)
        return redirect(self.object)


class OfferUpdateView(LoginRequiredMixin, UpdateView):
    model = Offer
    form_class = OfferForm
    template_name = "offers/offer_form.html"

    def get_object(self, queryset=None):
        return get_offer_for_edit(self.request.user, self.kwargs["pk"])

    def form_valid(self, form):
        values = dict(form.cleaned_data)
        token = values.pop(TOKEN_NAME, "")
        try:
            self.object = services.offer_update(offer=self.object, expected_token=token, **values)
        except StaleEdit:  # shown again with what was typed, the message and a fresh token
            form.refuse_stale()
            return self.render_to_response(self.get_context_data(form=form), status=409)
        return redirect(self.object)


@login_required
def capacity_edit(request, pk):
    offer = get_offer_for_maintenance(request.user, pk)
    form = CapacityForm(request.POST or None, initial=_capacity_initial(offer, request))
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values["expected_token"] = values.pop("edit_token")
        try:
            capacity = services.capacity_set(
                offer=offer, confirmed=plausibility.confirmed(request), **values
            )
        except StaleEdit:
            keep_typed(form, services.capacity_token(offer, values["year"]))
            context = {"offer": offer, "form": form}
            return render(request, "offers/capacity_form.html", context, status=409)
        except plausibility.Implausible as refused:  # the typed values are kept
            context = {"offer": offer, "form": form, "implausible": refused}
            return render(request, "offers/capacity_form.html", context, status=400)
        if capacity.needs_review:
            messages.warning(
                request,
                _("Saved, but flagged for review: %(note)s") % {"note": capacity.review_note},
            )
        else:
            messages.success(request, _("The places have been saved."))
        return redirect(offer)
    return render(request, "offers/capacity_form.html", {"offer": offer, "form": form})


def _capacity_initial(offer, request) -> dict:
    """The year's stored places, and the token of what the form shows."""
    year = requested_year(request)
    stored = offer.capacities.filter(year=year).first()
    shown = (
        {"as_written": stored.as_written, "occupancy_pct": stored.occupancy_pct} if stored else {}
    )
    return {"year": year, **shown, "edit_token": services.capacity_token(offer, year)}


@login_required
def offer_confirm(request, pk):
    offer = get_offer_for_maintenance(request.user, pk)
    if request.method == "POST":
        try:
            services.offer_confirm(
                offer=offer, user=request.user, expected_token=request.POST.get(TOKEN_NAME, "")
            )
        except StaleEdit:
            messages.error(
                request,
                _(
                    "The offer was changed while you looked at it; check "
                    "it below and confirm again."
                ),
            )
        else:
            messages.success(request, _("The offer has been confirmed as up to date."))
    return redirect(offer)


@login_required
def offer_import(request):
    require_secretariat(request.user)
    form = OfferImportForm(
        request.POST or None, request.FILES or None, initial={"year": default_year()}
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            file = form.cleaned_data["file"]
            rows = parse_offers(read_upload(file, limits_for("offers")), filename=file.name)
            result = services.offer_import(rows=rows, year=form.cleaned_data["year"])
        except ImportRejected as rejected:
            errors = rejected.report
        else:
            messages.success(
                request,
                _("%(created)s offers created, %(updated)s updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return render(request, "offers/import_done.html", {"result": result})
    return render(request, "offers/import.html", {"form": form, "errors": errors})


def places_summary(request, year):
    summary = places_summary_of(place_statistics(year))
    if fmt := requested_format(request):
        return tables_download(f"pladser-{year}", fmt, [places_table(year, summary)])
    return render(
        request,
        "offers/places_summary.html",
        {"year": year, "rows": summary.rows, "totals": summary.totals, "share": summary.share},
    )
