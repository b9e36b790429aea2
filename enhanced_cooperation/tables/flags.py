"""The flags overview and the list of early joint actions as tables: the page and the
CSV/XLSX download render the same rows."""

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable


def joint_action_table(actions) -> ReportTable:
    """actions: JointAction rows with their member's offers and decisions prefetched."""
    return ReportTable(
        id="faelles-indsats",
        caption=_("Early joint actions"),
        headers=[
            _("Member"),
            _("Offers"),
            _("Year"),
            _("Opened on"),
            _("Status"),
            _("Closed on"),
            _("Decisions"),
        ],
        rows=[
            [
                a.member.name,
                ", ".join(o.name for o in a.member.offers.all()),
                str(a.year),
                a.opened_on,
                a.get_status_display(),
                a.closed_on,
                len(a.decisions.all()),
            ]
            for a in actions
        ],
    )


def flags_table(rows, year: int) -> ReportTable:
    """rows: FlagRow of views_flags."""
    return ReportTable(
        id="signaler",
        caption=_("Signals of falling demand %(year)s") % {"year": year},
        headers=[_("Member"), _("Offers"), _("Signals"), _("Early joint action")],
        rows=[
            [
                row.member.name,
                ", ".join(o.name for o in row.member.offers.all()),
                "\n".join(flag.text for flag in row.flags) or _("None"),
                row.open_action.get_status_display() if row.open_action else "–",
            ]
            for row in rows
        ],
    )
