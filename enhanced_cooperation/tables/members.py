"""The members of a period as a table: the page and the CSV/XLSX download render the same
rows."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from ..selectors_members import leaving_on


def member_status(member, today=None) -> str:
    day = leaving_on(member)
    if day is None:
        return _("Member")
    date = date_format(day, "j. F Y")
    if day < (today or timezone.localdate()):
        return _("Left on %(date)s") % {"date": date}
    return _("Leaves on %(date)s") % {"date": date}


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
