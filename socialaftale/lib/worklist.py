"""What needs doing (issue 13): the start page's work list. Each app that owns a kind of work
(submissions awaiting approval, change notices, expiring exemptions, events of the annual
cycle due soon …) registers an item in its AppConfig.ready(); the start page (portal) asks
this registry and knows nothing else about them.

An item's `count(user)` runs exactly one query whatever the data size, and returns 0 for a
user the item does not concern; `url` is where the work is done."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class WorkItem:
    code: str
    label: str  # lazily translated, e.g. _("Submissions awaiting approval")
    count: Callable[[object], int]  # user -> how many (one query)
    url: Callable[[], str]  # where the work is done (reverse(...) inside a lambda)
    position: int = 0  # the order on the start page (lowest first)


_ITEMS: dict[str, WorkItem] = {}


def register(code: str, *, label, count, url, position: int = 0) -> WorkItem:
    if code in _ITEMS:
        raise ImproperlyConfigured(f"Work item {code!r} is registered twice")
    item = WorkItem(code, label, count, url, position)
    _ITEMS[code] = item
    return item


def unregister(code: str) -> None:
    """For tests that register an item of their own."""
    _ITEMS.pop(code, None)


def items() -> list[WorkItem]:
    return sorted(_ITEMS.values(), key=lambda item: (item.position, item.code))
