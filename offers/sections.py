"""Parts of an offer's page that higher apps contribute (its change notices and development
plan). Offers sits below them, so they register their parts here in their AppConfig.ready()
instead of this app importing them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable[[object, object], dict]  # (user, offer) -> the names its template reads


_SECTIONS: dict[str, Section] = {}


def register(name: str, *, template: str, context: Callable[[object, object], dict]) -> None:
    if name in _SECTIONS:
        raise ImproperlyConfigured(f"Offer page section {name!r} is registered twice")
    _SECTIONS[name] = Section(template, context)


def offer_sections(user, offer) -> tuple[dict, list[str]]:
    """The registered parts for one offer and user: their context (merged) and the templates
    to include below the page's columns, in the order they were registered."""
    context: dict = {}
    templates: list[str] = []
    for section in _SECTIONS.values():
        context.update(section.context(user, offer))
        templates.append(section.template)
    return context, templates
