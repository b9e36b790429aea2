"""How each round kind is handed in. A kind is offered for a new round only when it has a
form: a questionnaire answered in the round's steps, or a page of another app that hands the
submission in (the citizen-list upload, the enhanced cooperation's annual reports). Higher
apps register their pages in `ready()`, so this app never imports them.

A kind handed in by operators (`by_operator`) is written by the operators of the unit's
organisation, not its reporters: they see the submission and get its mails. A kind may bring
its own check of what is missing before hand-in (`missing`: submission -> messages)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from .models import RoundKind
from .questionnaire import CURRENT_VERSION

_QUESTIONNAIRES = {RoundKind.DEMAND_CAPACITY: CURRENT_VERSION}


@dataclass(frozen=True)
class HandInPage:
    url_name: str
    label: object
    per_submission: bool = False  # the URL takes the submission's pk
    by_operator: bool = False
    missing: Callable | None = None
    own_round_page: bool = False  # rounds are made on the other app's page, not the form
    present: Callable | None = None  # (submission, answers) -> [AnswerSection] to show


_HAND_IN_PAGES: dict[str, HandInPage] = {}


def register_hand_in_page(
    kind: str,
    url_name: str,
    label,
    *,
    per_submission: bool = False,
    by_operator: bool = False,
    missing: Callable | None = None,
    own_round_page: bool = False,
    present: Callable | None = None,
) -> None:
    _HAND_IN_PAGES[kind] = HandInPage(
        url_name, label, per_submission, by_operator, missing, own_round_page, present
    )


def questionnaire_for(kind: str) -> str:
    """The questionnaire version a new round of `kind` is answered with ("" for none)."""
    return _QUESTIONNAIRES.get(kind, "")


def hand_in_link(kind: str, submission=None) -> tuple[str, str] | None:
    """(URL, label) of the other app's page that hands in a round of `kind`, or None."""
    page = _HAND_IN_PAGES.get(kind)
    if page is None:
        return None
    if page.per_submission:
        if submission is None:
            return None
        return reverse(page.url_name, args=[submission.pk]), str(page.label)
    return reverse(page.url_name), str(page.label)


def has_form(kind: str) -> bool:
    return kind in _QUESTIONNAIRES or kind in _HAND_IN_PAGES


def handed_in_by_operator(kind: str) -> bool:
    page = _HAND_IN_PAGES.get(kind)
    return bool(page and page.by_operator)


def operator_kinds() -> list[str]:
    return [kind for kind, page in _HAND_IN_PAGES.items() if page.by_operator]


def missing_for(submission) -> list[str]:
    """What the kind's own check says is missing before `submission` can be handed in."""
    page = _HAND_IN_PAGES.get(submission.round.kind)
    if page is None or page.missing is None:
        return []
    return [str(message) for message in page.missing(submission)]


@dataclass(frozen=True)
class AnswerSection:
    """What a handed-in version of a kind without a questionnaire says, for its version page
    and receipt: one titled list of (label, text) per part (an annual report per member)."""

    title: str
    pairs: list


def present_answers(submission, answers: dict) -> list[AnswerSection]:
    page = _HAND_IN_PAGES.get(submission.round.kind)
    if page is None or page.present is None:
        return []
    return list(page.present(submission, answers))


def kind_choices() -> list[tuple[str, str]]:
    """The kinds the round form offers: those with a form whose rounds are not made on
    another app's page (the enhanced cooperation opens its year's round itself)."""
    own_page = {kind for kind, page in _HAND_IN_PAGES.items() if page.own_round_page}
    return [
        (value, label)
        for value, label in RoundKind.choices
        if has_form(value) and value not in own_page
    ]
