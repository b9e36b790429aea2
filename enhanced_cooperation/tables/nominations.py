"""The nominations as a table (issue 14): the page and the CSV/XLSX download render the same
rows."""

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from ..models import Criterion


def nomination_table(nominations) -> ReportTable:
    return ReportTable(
        id="indmeldinger",
        caption=_("Nominations"),
        headers=[_("Receipt number"), _("Offer"), _("Nominated by"), _("Received"), _("Status")]
        + [str(label) for label in Criterion.labels],
        rows=[
            [n.receipt_code, n.offer.name, n.nominated_by.name, n.submitted_at.date()]
            + [n.get_status_display()]
            + [_("Yes") if (n.claims.get(c) or {}).get("meets") else _("No") for c in Criterion]
            for n in nominations
        ],
    )
