"""The published tariff appendix as plain data: the rows a version stores (as the page shows
them) and what changed from one version to the next, as pure functions. No ORM here; the
versions themselves are tariffs.models_appendix.TariffAppendixVersion."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .calculations import Component

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
OFFER, UNIT, COMPONENT = "offer", "unit", "component"


@dataclass(frozen=True)
class AppendixRow:
    """One covered offer in a version: its approved tariff, or none (unit and status None)."""

    offer_id: int
    offer: str
    operator: str
    unit: str | None  # TariffUnit value
    status: str | None  # TariffStatus value
    components: tuple[Component, ...] = ()

    def to_json(self) -> dict:
        return {
            "offer_id": self.offer_id,
            "offer": self.offer,
            "operator": self.operator,
            "unit": self.unit,
            "status": self.status,
            "components": [
                [kind, package, str(amount)] for kind, package, amount in self.components
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> "AppendixRow":
        components = tuple((k, p, Decimal(a)) for k, p, a in data["components"])
        return cls(
            data["offer_id"],
            data["offer"],
            data["operator"],
            data["unit"],
            data["status"],
            components,
        )


@dataclass(frozen=True)
class AppendixChange:
    """One change from the previous version: an offer, its unit or one tariff component
    (kind and package) added, removed or changed from `before` to `after`."""

    offer_id: int
    offer: str
    operator: str
    change: str  # ADDED | REMOVED | CHANGED
    item: str  # OFFER | UNIT | COMPONENT
    kind: str = ""  # the component's kind (base | service | total)
    package: str = ""
    before: str | Decimal | None = None
    after: str | Decimal | None = None

    def to_json(self) -> dict:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for name in ("before", "after"):
            if isinstance(data[name], Decimal):
                data[name] = {"amount": str(data[name])}
        return data

    @classmethod
    def from_json(cls, data: dict) -> "AppendixChange":
        values = dict(data)
        for name in ("before", "after"):
            if isinstance(values[name], dict):
                values[name] = Decimal(values[name]["amount"])
        return cls(**values)


def _kind_of(before, after) -> str:
    return ADDED if before is None else REMOVED if after is None else CHANGED


def _offer_changes(old: AppendixRow | None, new: AppendixRow | None) -> list[AppendixChange]:
    shown = new or old
    head = (shown.offer_id, shown.offer, shown.operator)
    changes = []
    if old is None or new is None:
        changes.append(AppendixChange(*head, _kind_of(old, new), OFFER))
    old_unit, new_unit = old.unit if old else None, new.unit if new else None
    if old_unit != new_unit:
        changes.append(
            AppendixChange(*head, _kind_of(old_unit, new_unit), UNIT, "", "", old_unit, new_unit)
        )
    before = {(k, p): a for k, p, a in old.components} if old else {}
    after = {(k, p): a for k, p, a in new.components} if new else {}
    for key in [*after, *(key for key in before if key not in after)]:
        was, now = before.get(key), after.get(key)
        if was != now:
            changes.append(AppendixChange(*head, _kind_of(was, now), COMPONENT, *key, was, now))
    return changes


def appendix_changes(
    before: Sequence[AppendixRow], after: Sequence[AppendixRow]
) -> list[AppendixChange]:
    """What changed per offer from one version's rows to the next: offers of the new version
    first, in its order, then those no longer covered; per offer its unit, then each component
    (base tariff, service package) before → after, added or removed. Amounts compare as
    numbers (1500 and 1500.00 are the same)."""
    old = {row.offer_id: row for row in before}
    new = {row.offer_id: row for row in after}
    changes = []
    for offer_id in [*new, *(offer_id for offer_id in old if offer_id not in new)]:
        changes.extend(_offer_changes(old.get(offer_id), new.get(offer_id)))
    return changes


@dataclass(frozen=True)
class Outstanding:
    """The covered offers whose tariff is not in the appendix yet."""

    awaiting_approval: tuple[str, ...]  # reported (provisional), not yet approved
    not_reported: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.awaiting_approval) + len(self.not_reported)
