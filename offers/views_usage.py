"""The year's usage imported in the browser (issue 13): the same service as
`python manage.py import_usage FILE --year YYYY`; coverage follows at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from organisations.access import require_secretariat
from organisations.models import Organisation
from socialaftale.lib.edits import StaleEdit, keep_typed
from socialaftale.lib.imports import ImportRejected

from .access import get_offer_for_maintenance
from .forms import OfferUsageForm, UsageImportForm
from .selectors import default_year
from .services_usage import usage_set, usage_token
from .usage_import import usage_import
from .views import requested_year


@login_required
def usage_import_page(request):
    require_secretariat(request.user)
    form = UsageImportForm(
        request.POST or None, request.FILES or None, initial={"year": default_year()}
    )
    errors = []
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        try:
            result = usage_import(form.cleaned_data["file"], year, request.user)
        except ImportRejected as rejected:
            errors = rejected.report
        else:
            messages.success(
                request,
                _("Usage for %(year)s: %(added)s added, %(changed)s changed, %(removed)s removed.")
                % {"year": year, **vars(result)},
            )
            return redirect(reverse("offers:catalogue") + f"?aar={year}")
    return render(request, "offers/usage_import.html", {"form": form, "errors": errors})


@login_required
def offer_usage_edit(request, pk):
    """The offer's usage in one year, one row per municipality (secretariat and operator)."""
    offer = get_offer_for_maintenance(request.user, pk)
    year = requested_year(request)
    municipalities = Organisation.objects.municipalities().order_by("name")
    stored = {u.acting_municipality_id: u for u in offer.usages.filter(year=year)}
    form = OfferUsageForm(
        request.POST or None,
        municipalities=municipalities,
        initial=_usage_initial(offer, year, stored),
    )
    context = {"offer": offer, "year": year, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            usage_set(
                offer=offer,
                year=year,
                values=form.values(),
                expected_token=form.cleaned_data["edit_token"],
            )
        except StaleEdit:
            keep_typed(form, usage_token(offer, year))
            return render(request, "offers/usage_form.html", context, status=409)
        messages.success(request, _("The usage for %(year)s has been saved.") % {"year": year})
        return redirect(reverse("offers:detail", args=[offer.pk]) + f"?aar={year}")
    return render(request, "offers/usage_form.html", context)


def _usage_initial(offer, year: int, stored: dict) -> dict:
    initial = {"edit_token": usage_token(offer, year)}
    for municipality_id, usage in stored.items():
        initial[f"places_{municipality_id}"] = usage.places
        initial[f"expected_{municipality_id}"] = usage.is_expected
    return initial
