"""Reads of the expert panel's remarks ("Bemærkninger"), for this part's pages and for the
report pages of others: `remarks_for` is the one place that decides whose drafts show."""

from .access import is_panel, may_manage
from .models import Remark


def sees_drafts(user) -> bool:
    """The panel's members see each other's drafts; the secretariat reads them too."""
    return is_panel(user) or may_manage(user)


def remarks_for(user, *, round, member=None, nomination=None):
    """The remarks on one subject (a member's annual report in `round`, or a nomination) that
    `user` may read: every remark for the panel and the secretariat, the final ones for
    everyone else. The caller has already checked that the user may read the subject itself
    (access.may_read_report / visible_nominations)."""
    if (member is None) == (nomination is None):
        raise ValueError("remarks_for needs a member or a nomination")
    remarks = Remark.objects.filter(round=round).select_related("author", "finalised_by")
    if member is not None:
        remarks = remarks.filter(member=member)
    else:
        remarks = remarks.filter(nomination=nomination)
    if not sees_drafts(user):
        remarks = remarks.filter(is_final=True)
    return remarks.order_by("pk")


def own_remark(user, *, round, member=None, nomination=None) -> Remark | None:
    remarks = Remark.objects.filter(round=round, author=user)
    if member is not None:
        return remarks.filter(member=member).first()
    return remarks.filter(nomination=nomination).first()
