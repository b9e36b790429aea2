"""The start page: what each role can do, first."""

from django.shortcuts import render

from offers.models import Offer
from offers.selectors import default_year, with_coverage, with_places
from organisations.access import roles_for
from organisations.models import OrganisationUnit
from submissions.access import visible_rounds


def home(request):
    roles = roles_for(request.user)
    year = default_year()
    context = {
        "year": year,
        "offer_count": Offer.objects.count(),
        "covered_count": with_coverage(Offer.objects.all(), year).filter(covered=True).count(),
        "reporter_units": OrganisationUnit.objects.filter(
            pk__in=roles.reporter_unit_ids
        ).select_related("organisation"),
        "operated_offers": Offer.objects.filter(
            operator_id__in=roles.operator_organisation_ids
        ).order_by("name")
        if roles.is_operator
        else Offer.objects.none(),
        "open_rounds": visible_rounds(request.user).filter(status="open")
        if roles.is_reporter
        else [],
        "review_count": with_places(Offer.objects.all(), year)
        .filter(places_need_review=True)
        .count()
        if roles.is_secretariat
        else 0,
    }
    return render(request, "home.html", context)
