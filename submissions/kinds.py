"""How each round kind is handed in. A kind is offered for a new round only when it has a
form: a questionnaire answered in the round's steps, or a page of another app that hands the
submission in (the citizen-list upload). Higher apps register their pages in `ready()`, so
this app never imports them."""

from django.urls import reverse

from .models import RoundKind
from .questionnaire import CURRENT_VERSION

_QUESTIONNAIRES = {RoundKind.DEMAND_CAPACITY: CURRENT_VERSION}
_HAND_IN_PAGES: dict[str, tuple[str, str]] = {}  # kind -> (URL name, button label)


def register_hand_in_page(kind: str, url_name: str, label) -> None:
    _HAND_IN_PAGES[kind] = (url_name, label)


def questionnaire_for(kind: str) -> str:
    """The questionnaire version a new round of `kind` is answered with ("" for none)."""
    return _QUESTIONNAIRES.get(kind, "")


def hand_in_link(kind: str) -> tuple[str, str] | None:
    """(URL, label) of the other app's page that hands in a round of `kind`, or None."""
    if kind not in _HAND_IN_PAGES:
        return None
    url_name, label = _HAND_IN_PAGES[kind]
    return reverse(url_name), str(label)


def has_form(kind: str) -> bool:
    return kind in _QUESTIONNAIRES or kind in _HAND_IN_PAGES


def kind_choices() -> list[tuple[str, str]]:
    return [(value, label) for value, label in RoundKind.choices if has_form(value)]
