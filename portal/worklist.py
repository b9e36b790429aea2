"""The start page's "What needs doing": every item of the work-list registry
(socialaftale.lib.worklist) with its count for the user, shaped for the template. The portal
knows nothing about the items; each app registers its own."""

from dataclasses import dataclass

from django.utils.formats import number_format

from socialaftale.lib import worklist


@dataclass(frozen=True)
class WorkRow:
    code: str
    label: str
    count: int
    count_text: str  # Danish digits: "1.234"
    url: str


def work_rows(user) -> list[WorkRow]:
    """One query per item, whatever the data size (each item's count promises it)."""
    rows = []
    for item in worklist.items():
        count = item.count(user)
        text = number_format(count, force_grouping=True)
        rows.append(WorkRow(item.code, str(item.label), count, text, item.url()))
    return rows


def work_list_context(user, *, show_quiet: bool) -> dict:
    """What is due first; with `show_quiet` (the secretariat, who should see at a glance that
    nothing is due) the items at zero too, apart and quieter. Others see only what is due,
    and no list at all when nothing is."""
    rows = work_rows(user)
    due = [row for row in rows if row.count]
    quiet = [row for row in rows if not row.count] if show_quiet else []
    return {
        "work_due": due,
        "work_quiet": quiet,
        "show_work_list": bool(due or quiet),
        "nothing_due": not due,
    }
