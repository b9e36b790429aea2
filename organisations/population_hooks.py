"""What higher apps do when population figures are imported (organisations is below them):
tariffs registers a callback in its AppConfig.ready() that requests the budget runs whose key
reads the new figures. population_import calls the callbacks once the import has committed."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


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
    for callback in list(_callbacks.values()):
        callback(imported)
