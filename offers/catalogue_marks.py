"""Marks and filters on the offer catalogue that higher apps contribute (the enhanced
cooperation's "Det forstærkede samarbejde 2019–2020"). Offers sits below them, so they
register here in their AppConfig.ready() instead of this app importing them.

A mark annotates the catalogue's queryset (a subquery: no query per row, so the page keeps
its constant number of queries) and turns a row's annotations into labels. A filter is a
choice on the filter form whose value narrows the annotated queryset."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Mark:
    annotate: Callable[[object, int], object]  # (offers, year) -> offers with annotations
    labels: Callable[[object], list[str]]  # an annotated offer -> its labels (no query)


@dataclass(frozen=True)
class MarkFilter:
    label: str
    choices: list[tuple[str, str]]
    filter: Callable[[object, str], object]  # (annotated offers, chosen value) -> offers


_MARKS: dict[str, Mark] = {}
_FILTERS: dict[str, MarkFilter] = {}


def register_mark(name: str, *, annotate, labels) -> None:
    if name in _MARKS:
        raise ImproperlyConfigured(f"Catalogue mark {name!r} is registered twice")
    _MARKS[name] = Mark(annotate, labels)


def register_filter(name: str, *, label, choices, filter) -> None:  # noqa: A002
    """`name` is the filter's query parameter (e.g. "samarbejde")."""
    if name in _FILTERS:
        raise ImproperlyConfigured(f"Catalogue filter {name!r} is registered twice")
    _FILTERS[name] = MarkFilter(label, list(choices), filter)


def annotate(offers, year: int):
    for mark in _MARKS.values():
        offers = mark.annotate(offers, year)
    return offers


def labels_of(offer) -> list[str]:
    return [label for mark in _MARKS.values() for label in mark.labels(offer)]


def mark_filters() -> dict[str, MarkFilter]:
    return dict(_FILTERS)
