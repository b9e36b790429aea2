"""What higher apps do when population figures are imported (organisations is below them):
tariffs registers a callback in its AppConfig.ready() that requests the budget runs whose key
reads the new figures. population_import calls the callbacks once the import has committed."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PopulationImported:
    """One import: the reference date and age band of the figures, and for whom."""

    reference_date: date
    age_band: str
    organisation_ids: tuple[int, ...]


_callbacks: dict[str, Callable[[PopulationImported], None]] = {}


def register(name: str, callback: Callable[[PopulationImported], None]) -> None:
    """Registered by name, so a second ready() (tests) does not call it twice."""
    _callbacks[name] = callback


def notify(imported: PopulationImported) -> None:
    """Every callback; one that fails is logged, not raised: the import has committed and
    must not turn into an error page (the budget run can be started by hand)."""
    for name, callback in list(_callbacks.items()):
        try:
            callback(imported)
        except Exception:
            logger.exception("Population hook %s failed for %s", name, imported)
