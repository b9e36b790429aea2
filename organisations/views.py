from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from offers.models import Offer, PlaceStatistic
from offers.selectors import default_year, with_coverage, with_places
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import ReportTable, tables_download

from .access import get_organisation_for_user
from .models import Organisation, OrganisationUnit, PopulationFigure


def municipality_list(request):
    organisations = (
        Organisation.objects.exclude(kind="private")
        .select_related("region")
        .annotate(
            operated=Count("offers", distinct=True),
            located=Count("located_offers", distinct=True),
            unit_count=Count("units", filter=Q(units__reports_separately=True), distinct=True),
        )
        .order_by("kind", "name")
    )
    if fmt := requested_format(request):
        return tables_download("parter", fmt, [_register_table(organisations)])
    return render(request, "organisations/municipality_list.html", {"organisations": organisations})


def _register_table(organisations) -> ReportTable:
    """The register as import_parties reads it back (organisations/importers.py)."""
    return ReportTable(
        id="parties",
        caption=_("Parties to the agreement and other organisations in the register"),
        headers=[_("DST code"), _("Name"), _("Kind"), _("Region"), _("Party to the agreement")],
        rows=[
            [o.code, o.name, o.get_kind_display(), o.region.name if o.region else ""]
            + [o.party_to_agreement]
            for o in organisations
        ],
    )


def municipality_detail(request, code):
    organisation = get_organisation_for_user(request.user, code)
    year = default_year()
    offers = with_places(with_coverage(Offer.objects.select_related("operator"), year), year)
    return render(
        request,
        "organisations/municipality_detail.html",
        {
            "organisation": organisation,
            "year": year,
            "operated": offers.filter(operator=organisation),
            "located": offers.filter(location_municipality=organisation).exclude(
                operator=organisation
            ),
            "units": OrganisationUnit.objects.filter(organisation=organisation),
            "population": PopulationFigure.objects.filter(organisation=organisation),
            "places": PlaceStatistic.objects.filter(location_municipality=organisation),
            "supervision_areas": organisation.supervision_areas.all(),
        },
    )
