"""The annual reports as a table: the list page and its CSV/XLSX download render the same
rows, one per member."""

from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from socialaftale.lib.tables import ReportTable

from ..forms_reports import PLACE_KINDS
from ..reports import DEMAND_CHOICES, LABELS, TEXT_FIELDS, occupancy


def places_text(report: dict) -> str:
    """ "12 Døgnpladser, 4 Dagpladser" (the kinds in the form's order)."""
    labels = {str(kind): label for kind, label in PLACE_KINDS}
    return ", ".join(
        f"{format_decimal(row.get('places') or 0)} {labels.get(row.get('kind'), row.get('kind'))}"
        for row in report.get("places") or []
    )


def demand_label(report: dict) -> str:
    return str(dict(DEMAND_CHOICES).get(report.get("demand"), ""))


def report_table(rows, year: int) -> ReportTable:
    """rows: (member, operator name, status label, report) per member."""
    return ReportTable(
        id="aarsrapporter",
        caption=_("Annual reports %(year)s") % {"year": year},
        headers=[
            _("Member"),
            _("Operator"),
            _("Status"),
            LABELS["occupancy_pct"],
            LABELS["places"],
            LABELS["demand"],
            LABELS["demand_text"],
            *[label for _code, label in TEXT_FIELDS],
        ],
        rows=[
            [
                member.name,
                operator,
                status,
                occupancy(report),
                places_text(report),
                demand_label(report),
                report.get("demand_text", ""),
                *[report.get(code, "") for code, _label in TEXT_FIELDS],
            ]
            for member, operator, status, report in rows
        ],
        decimals={3: 1},
    )
