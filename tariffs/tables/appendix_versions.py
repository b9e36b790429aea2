"""The published tariff appendix's versions: a version's rows (shaped as the live appendix by
appendix.appendix_table) and its changes since the previous version. Plain data in; the
labels of units, statuses and component kinds are handed in by the caller."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from ..appendix import ADDED, OFFER, REMOVED, UNIT, AppendixChange, AppendixRow
from .appendix import appendix_table


@dataclass(frozen=True)
class Labels:
    units: dict[str, str]
    statuses: dict[str, str]
    kinds: dict[str, str]


@dataclass(frozen=True)
class _Tariff:
    unit: str
    status: str
    components: tuple


@dataclass(frozen=True)
class _Offer:
    name: str
    operator: str
    tariff: _Tariff | None


@dataclass(frozen=True)
class _Appendix:
    year: int
    source: int | None
    offers: tuple[_Offer, ...]


def _offer(row: AppendixRow, labels: Labels) -> _Offer:
    if row.status is None:
        return _Offer(row.offer, row.operator, None)
    tariff = _Tariff(labels.units[row.unit], labels.statuses[row.status], row.components)
    return _Offer(row.offer, row.operator, tariff)


def appendix_rows_table(
    year: int, coverage_year: int | None, rows, labels: Labels, title: str
) -> ReportTable:
    """A version's (or the draft's) rows as the appendix table; `title` leads the caption."""
    offers = tuple(_offer(row, labels) for row in rows)
    table = appendix_table(_Appendix(year, coverage_year, offers))
    table.caption = f"{title}: {table.caption}"
    return table


def _item(change: AppendixChange, labels: Labels) -> str:
    if change.item == OFFER:
        return _("Offer")
    if change.item == UNIT:
        return _("Unit")
    kind = labels.kinds.get(change.kind, change.kind)
    return f"{kind} ({change.package})" if change.package else kind


def _value(change: AppendixChange, value, labels: Labels):
    if change.item == UNIT and value is not None:
        return labels.units.get(value, value)
    return value


def change_label(change: str) -> str:
    if change == ADDED:
        return _("Added")
    if change == REMOVED:
        return _("Removed")
    return _("Changed")


def appendix_changes_table(
    year: int, version: int, previous: int, changes: list[AppendixChange], labels: Labels
) -> ReportTable:
    """Per offer and component: before → after, added or removed, since `previous`."""
    table = ReportTable(
        id="tariff_appendix_changes",
        caption=_(
            "Tariff appendix %(year)s, version %(version)s: changes since version %(previous)s"
        )
        % {"year": year, "version": version, "previous": previous},
        headers=[_("Offer"), _("Operator"), _("What"), _("Change"), _("Before"), _("After")],
        decimals={4: 2, 5: 2},
    )
    for change in changes:
        table.rows.append(
            [
                change.offer,
                change.operator,
                _item(change, labels),
                change_label(change.change),
                _value(change, change.before, labels),
                _value(change, change.after, labels),
            ]
        )
    if not changes:
        table.notes.append(_("No changes."))
    return table
