"""Parts of a municipality's page that higher apps contribute (the offers it operates, the
places located there). Organisations sits below offers, so offers registers its parts here in
its AppConfig.ready() instead of this app importing offers."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

# Where on the page a part goes: beside the population figures, or below both columns.
SLOTS = ("beside_population", "below")


@dataclass(frozen=True)
class Section:
    slot: str
    template: str
    context: Callable[[object], dict]  # organisation -> the names its template reads


_SECTIONS: dict[str, Section] = {}


def register(name: str, *, slot: str, template: str, context: Callable[[object], dict]) -> None:
    if slot not in SLOTS:
        raise ImproperlyConfigured(f"Unknown slot {slot!r} for section {name!r}")
    if name in _SECTIONS:
        raise ImproperlyConfigured(f"Municipality page section {name!r} is registered twice")
    _SECTIONS[name] = Section(slot, template, context)


def municipality_sections(organisation) -> tuple[dict, dict[str, list[str]]]:
    """The registered parts for one organisation: their context (merged) and, per slot, the
    templates to include, in the order they were registered."""
    context: dict = {}
    templates: dict[str, list[str]] = {slot: [] for slot in SLOTS}
    for section in _SECTIONS.values():
        context.update(section.context(organisation))
        templates[section.slot].append(section.template)
    return context, templates
