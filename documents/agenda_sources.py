"""Which agenda items can be generated from the portal's data (SPEC §7): each app that owns
such data (the expenditure analysis, the Socialtilsyn Nord budget, a round's summary) registers
its source in its AppConfig.ready(); the meetings app asks this registry and knows nothing else
about them.

A source knows which data exists (its choices: value -> label) and what the item says (build:
value -> GeneratedItem); the attachment is the owning app's own PDF (its registered document
kind), rendered in Celery by the documents app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class GeneratedItem:
    kind: str  # the document kind that renders the attachment
    params: dict
    section: str
    title: str
    attachment_title: str
    body_heading: str
    summary: str
    recommendations: list


@dataclass(frozen=True)
class Source:
    label: str
    choices: Callable[[], list[tuple[str, str]]]
    build: Callable[[str], GeneratedItem]
    position: int = 0  # the order of the sources in the list (lowest first)


_SOURCES: dict[str, Source] = {}


def register(
    code: str,
    *,
    label: str,
    choices: Callable[[], list[tuple[str, str]]],
    build: Callable[[str], GeneratedItem],
    position: int = 0,
) -> Source:
    if code in _SOURCES or ":" in code:
        raise ImproperlyConfigured(f"Agenda source {code!r} is registered twice or has a colon")
    source = Source(label, choices, build, position)
    _SOURCES[code] = source
    return source


def unregister(code: str) -> None:
    """For tests that register a source of their own."""
    _SOURCES.pop(code, None)


def sources() -> dict[str, Source]:
    """The registered sources in their order (by position, then by registration)."""
    ordered = sorted(enumerate(_SOURCES.items()), key=lambda pair: (pair[1][1].position, pair[0]))
    return dict(pair for _index, pair in ordered)


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """For a <select> with <optgroup>s: values "source:value"."""
    return [
        (str(source.label), [(f"{code}:{value}", label) for value, label in source.choices()])
        for code, source in sources().items()
    ]


def build(choice: str) -> GeneratedItem:
    """ "analysis:12" -> the item to add; ValueError for anything that is not a current
    choice."""
    code, _sep, value = choice.partition(":")
    source = _SOURCES.get(code)
    if source is None or not value:
        raise ValueError(choice)
    try:
        return source.build(value)
    except Exception as exc:  # DoesNotExist, bad int
        raise ValueError(choice) from exc
