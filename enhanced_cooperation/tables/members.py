"""The members of a period as a table: the page and the CSV/XLSX download render the same
rows."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from ..selectors_members import leaving_on


def member_status(member) -> str:
    day = leaving_on(member)
    if day is None:
        return _("Member")
    return _("Leaves or left on %(date)s") % {"date": date_format(day, "j. F Y")}


def member_table(period, members) -> ReportTable:
    return ReportTable(
        id="medlemmer",
        caption=_("Members of the enhanced cooperation %(period)s") % {"period": period},
        headers=[_("Member"), _("Offers"), _("Target group"), _("Status")],
        rows=[
            [
                m.name,
                ", ".join(offer.name for offer in m.offers.all()),
                m.target_group,
                member_status(m),
            ]
            for m in members
        ],
    )
