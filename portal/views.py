"""The start page: what needs doing (the work list), then what each role can do."""

from django.shortcuts import render

from meetings.access import visible_meetings
from meetings.mailing import fix_url as member_fix_url
from meetings.mailing import members_without_address
from offers.models import Offer
from offers.selectors import default_year, with_coverage
from organisations.access import roles_for
from organisations.models import OrganisationUnit
from submissions.access import visible_rounds
from submissions.mail import unit_fix_url, units_without_address

from .worklist import work_list_context


def home(request):
    roles = roles_for(request.user)
    year = default_year()
    show_meeting_card = roles.sees_meetings and not roles.is_secretariat
    context = {
        "show_secretariat_card": roles.is_secretariat,
        "show_reporter_card": roles.is_reporter,
        "show_operator_card": roles.is_operator,
        "show_meeting_card": show_meeting_card,
        "meeting_count": visible_meetings(request.user).count() if show_meeting_card else 0,
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
        "address_gaps": _address_gaps() if roles.is_secretariat else None,
        **work_list_context(request.user, show_quiet=roles.is_secretariat),
    }
    return render(request, "home.html", context)


def _address_gaps() -> dict:
    """Who the portal's e-mails cannot reach, with where the secretariat fixes it."""
    units = [(unit, unit_fix_url(unit)) for unit in units_without_address()]
    members = [
        (gap.member, gap.reason, member_fix_url(gap.member)) for gap in members_without_address()
    ]
    return {"units": units, "members": members, "any": bool(units or members)}
