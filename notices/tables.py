"""Notices, unnoticed register changes and development plans as tables: the page and the
CSV/XLSX download render the same rows."""

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable


def notice_table(notices) -> ReportTable:
    return ReportTable(
        id="aendringer",
        caption=_("Change notices"),
        headers=[
            _("Offer"),
            _("Party"),
            _("Kind of change"),
            _("Decision date"),
            _("Notice date"),
            _("Takes effect on"),
            _("Places before"),
            _("Places after"),
            _("Given after the decision"),
        ],
        rows=[
            [
                n.offer.name,
                n.party.name,
                n.get_kind_display(),
                n.decided_on,
                n.noticed_on,
                n.takes_effect_on,
                n.places_before,
                n.places_after,
                n.is_breach,
            ]
            for n in notices
        ],
    )


def unnoticed_table(found) -> ReportTable:
    labels = {
        "closing": _("Offer closed"),
        "places": _("Places changed"),
        "target_group": _("Target group added"),
    }
    return ReportTable(
        id="uden-varsel",
        caption=_("Register changes without notice"),
        headers=[_("Offer"), _("Operator"), _("Change"), _("Date"), _("In the register")],
        rows=[
            [f.offer.name, f.offer.operator.name, labels[f.change.kind], f.change.on, f.detail]
            for f in found
        ],
    )


def plan_table(offers, year: int) -> ReportTable:
    return ReportTable(
        id="udviklingsplaner",
        caption=_("Offers with more than 100 places"),
        headers=[_("Offer"), _("Operator"), _("Places"), _("Plan for %(year)s") % {"year": year}],
        rows=[
            [o.name, o.operator.name, o.places_total, _("Yes") if o.plan_current else _("Missing")]
            for o in offers
        ],
    )
