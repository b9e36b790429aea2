"""The demand/capacity questionnaire ("tilbagemelding på behov og efterspørgsel", SPEC §5) as
versioned data. No ORM here.

Stored answers carry the version they were given under. A later year that changes the
questions adds a new `Questionnaire` to `QUESTIONNAIRES` instead of editing an old one, so
old submissions keep rendering and summarising with their own definition. Each question has
an answer *shape* (a key into the tables below and in forms.py/presentation.py); a new
version may reuse shapes under other codes or add new ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from offers.parsing import TARGET_GROUP_TAXONOMY

# Answer shapes (the JSON shape of one answer; see empty_answer).
VISIONS = "visions"  # A1
CHANGES = "changes"  # A2
OFFER_LISTS = "offer_lists"  # A3
NONE_OR_TEXT = "none_or_text"  # A4
WISHES = "wishes"  # A5
TEXT = "text"  # A6, A7, A9
AUTHORITY_CAPACITY = "authority_capacity"  # A8
CENTRES = "centres"  # A10
OPERATOR_CAPACITY = "operator_capacity"  # B1
MEASURES = "measures"  # B2
NEW_OFFERS = "new_offers"  # B3
PLANNED_OFFERS = "planned_offers"  # B4

PLACE_CHOICES = (("day", _("Day place")), ("residential", _("Residential place")))
AGE_CHOICES = (("children", _("Children and young people")), ("adults", _("Adults")))
TREND_CHOICES = (("unchanged", _("Unchanged")), ("rising", _("Rising")), ("falling", _("Falling")))
# The two communication centres of A10; proper names, so not translated.
CENTRE_CHOICES = (
    ("ddh", "Center for Døvblindhed og Høretab"),
    ("ish", "Institut for Syn og Hørelse"),
)


@dataclass(frozen=True)
class Question:
    code: str
    title: str | Promise
    help: str | Promise
    shape: str


@dataclass(frozen=True)
class Step:
    slug: str
    title: str | Promise
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Questionnaire:
    version: str
    title: str | Promise
    questions: dict[str, Question]
    steps: tuple[Step, ...]

    def step(self, slug: str) -> Step:
        for step in self.steps:
            if step.slug == slug:
                return step
        raise KeyError(slug)

    def codes(self) -> tuple[str, ...]:
        """Question codes in the order the steps ask them."""
        return tuple(code for step in self.steps for code in step.questions)


def target_group_choices() -> list[tuple[str, str]]:
    """The leaves of the SPEC §2 taxonomy; the names are Danish already."""
    return [(slug, name) for slug, (name, parent) in TARGET_GROUP_TAXONOMY.items() if parent]


def target_group_name(slug: str) -> str:
    return TARGET_GROUP_TAXONOMY[slug][0] if slug in TARGET_GROUP_TAXONOMY else slug


def choice_label(choices, value) -> str:
    return str(dict(choices).get(value, value or ""))


def _q(code, title, shape, help=""):
    return Question(code, title, help, shape)


_V1_QUESTIONS = (
    _q(
        "A1",
        _("Political visions for the area"),
        VISIONS,
        _("Describe political visions that will affect the demand for specialised offers."),
    ),
    _q(
        "A2",
        _("Significant changes in the use of offers"),
        CHANGES,
        _(
            "Tick “no significant changes”, or list the place types with falling or rising "
            "need, each with a reason if you have one (e.g. “own offer planned”)."
        ),
    ),
    _q(
        "A3",
        _("Specialised offers the municipality will buy outside itself"),
        OFFER_LISTS,
        _("One offer per line."),
    ),
    _q("A4", _("Changes in demand for national and supra-regional offers"), NONE_OR_TEXT),
    _q(
        "A5",
        _("Wishes for the professional development of offers"),
        WISHES,
        _("One row per wish: the offer, the change you wish for and the need behind it."),
    ),
    _q("A6", _("Needs for offers for new target groups or new problems"), TEXT),
    _q("A7", _("Need for more flexible use of existing offers"), TEXT),
    _q("A8", _("Waiting lists and empty places, seen as acting authority"), AUTHORITY_CAPACITY),
    _q("A9", _("Considerations on taking over regional offers"), TEXT),
    _q("A10", _("Expected change in demand for the communication centres"), CENTRES),
    _q(
        "B1",
        _("Waiting lists and empty places in your own offers (as operator)"),
        OPERATOR_CAPACITY,
    ),
    _q(
        "B2",
        _("Preventive measures that affect offers under the agreement"),
        MEASURES,
        _(
            "One row per measure: the type of measure, the target group and the year it is "
            "taken into use."
        ),
    ),
    _q(
        "B3",
        _("New offers created in the last two years"),
        NEW_OFFERS,
        _("Write the places as you would in a report, e.g. “14 + 4 aflastningspladser”."),
    ),
    _q(
        "B4",
        _("Offers planned in the next two years"),
        PLANNED_OFFERS,
        _("Write the places as you would in a report, e.g. “max. 8” or “?” if not known yet."),
    ),
)

CURRENT_VERSION = "behov-kapacitet-1"

QUESTIONNAIRES: dict[str, Questionnaire] = {
    CURRENT_VERSION: Questionnaire(
        version=CURRENT_VERSION,
        title=_("Feedback on needs and demand"),
        questions={question.code: question for question in _V1_QUESTIONS},
        steps=(
            Step("del-a-1", _("Part A: visions and changes in use"), ("A1", "A2")),
            Step("del-a-2", _("Part A: purchases and development"), ("A3", "A4", "A5")),
            Step(
                "del-a-3",
                _("Part A: new needs, waiting lists and centres"),
                ("A6", "A7", "A8", "A9", "A10"),
            ),
            Step("del-b-1", _("Part B: capacity and preventive measures"), ("B1", "B2")),
            Step("del-b-2", _("Part B: new and planned offers"), ("B3", "B4")),
        ),
    ),
}


def get_questionnaire(version: str) -> Questionnaire:
    """The definition answers of `version` were given under; KeyError when unknown."""
    return QUESTIONNAIRES[version]


# --- Empty answers ----------------------------------------------------------------------

_EMPTY = {
    VISIONS: lambda: {"children": "", "adults": ""},
    CHANGES: lambda: {"no_changes": False, "falling": [], "rising": []},
    OFFER_LISTS: lambda: {"adults": [], "children": []},
    NONE_OR_TEXT: lambda: {"none": False, "text": ""},
    WISHES: list,
    TEXT: lambda: {"text": ""},
    AUTHORITY_CAPACITY: lambda: {"waiting_lists": None, "empty_places": None, "text": ""},
    CENTRES: lambda: {"ddh": "", "ish": ""},
    OPERATOR_CAPACITY: lambda: {
        "empty_places": None,
        "empty_offers": [],
        "waiting_lists": None,
        "waiting": [],
    },
    MEASURES: list,
    NEW_OFFERS: list,
    PLANNED_OFFERS: list,
}


def empty_answer(shape: str):
    return _EMPTY[shape]()


def answer_for(question: Question, answers: dict):
    """The stored answer to `question`, completed with the empty shape's missing keys."""
    empty = empty_answer(question.shape)
    stored = (answers or {}).get(question.code)
    if stored is None:
        return empty
    return {**empty, **stored} if isinstance(empty, dict) else list(stored)


def empty_answers(version: str) -> dict:
    questionnaire = get_questionnaire(version)
    return {code: empty_answer(q.shape) for code, q in questionnaire.questions.items()}


# --- What blocks submitting ---------------------------------------------------------------


def _missing_changes(answer) -> list[str]:
    if answer["no_changes"] or answer["falling"] or answer["rising"]:
        return []
    return [gettext("Tick “no significant changes” or list at least one falling or rising need.")]


def _missing_authority(answer) -> list[str]:
    found = []
    if answer["waiting_lists"] is None:
        found.append(gettext("Answer yes or no: are your citizens on waiting lists?"))
    if answer["empty_places"] is None:
        found.append(gettext("Answer yes or no: do you see empty places in offers you use?"))
    return found


def _missing_centres(answer) -> list[str]:
    return [
        gettext("Choose the expected demand for %(centre)s.") % {"centre": name}
        for key, name in CENTRE_CHOICES
        if not answer.get(key)
    ]


def _missing_operator(answer) -> list[str]:
    found = []
    if answer["empty_places"] is None:
        found.append(gettext("Answer yes or no: do your offers have empty places?"))
    elif answer["empty_places"] and not answer["empty_offers"]:
        found.append(gettext("Name the offers that have empty places."))
    if answer["waiting_lists"] is None:
        found.append(gettext("Answer yes or no: do your offers have waiting lists?"))
    elif answer["waiting_lists"] and not answer["waiting"]:
        found.append(gettext("List the waiting lists (offer and target group)."))
    return found


_MISSING_CHECKS = {
    CHANGES: _missing_changes,
    AUTHORITY_CAPACITY: _missing_authority,
    CENTRES: _missing_centres,
    OPERATOR_CAPACITY: _missing_operator,
}


def missing_answers(version: str, answers: dict) -> list[tuple[str, str]]:
    """(question code, message) for every answer that blocks submitting; the rest is optional."""
    questionnaire = get_questionnaire(version)
    found = []
    for code in questionnaire.codes():
        question = questionnaire.questions[code]
        check = _MISSING_CHECKS.get(question.shape)
        if check:
            found += [(code, message) for message in check(answer_for(question, answers))]
    return found
