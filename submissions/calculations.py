"""The secretariat's summary of a demand/capacity round (SPEC §5), pure: no ORM.

The service/selector turns the round's submitted versions into `UnitAnswers` and the units
that must submit into `expected`; `summarise_round` does the rest. Answers are read through
their own questionnaire version and found by answer *shape*, not by code, so a later version
that renumbers its questions still summarises.

Counting decision: the unit of counting is the reporting unit (each municipality, and
Aalborg's two administrations separately), so the sentence speaks of units ("enheder"), and
"of N" is the number of units that submitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

from offers.parsing import parse_places

from . import questionnaire as q
from .presentation import present_answers


@dataclass(frozen=True)
class UnitAnswers:
    code: str
    name: str
    answers: dict
    version: str

    def answer(self, shape: str):
        """This unit's answer to the first question of `shape` in its version (or None)."""
        questionnaire = q.get_questionnaire(self.version)
        for code in questionnaire.codes():
            question = questionnaire.questions[code]
            if question.shape == shape:
                return q.answer_for(question, self.answers)
        return None


@dataclass(frozen=True)
class NeedReport:
    unit: str
    direction: str  # "falling" | "rising"
    place: str
    age: str
    target_group: str
    reason: str


@dataclass(frozen=True)
class NeedLine:
    """One place type (place × age × target group) with the units reporting each direction."""

    place: str
    age: str
    target_group: str
    label: str
    falling: tuple[str, ...]
    rising: tuple[str, ...]


@dataclass(frozen=True)
class CentreTrends:
    centre: str
    name: str
    counts: dict[str, int]  # unchanged/rising/falling/"" (not answered) -> units


@dataclass(frozen=True)
class EmptyPlaces:
    unit: str
    offer: str


@dataclass(frozen=True)
class WaitingList:
    unit: str
    offer: str
    target_group: str
    target_group_name: str
    count: int | None


@dataclass(frozen=True)
class OfferProposal:
    unit: str
    name: str
    target_group: str
    places_as_written: str
    places: int | None  # parse_places(...).total: the committed (base) count
    places_maximum: int | None
    needs_review: bool
    covered: bool | None
    planned_year: int | None = None


@dataclass
class RoundSummary:
    expected_count: int
    submitted: list[str]
    missing: list[str]
    no_change_units: list[str]
    no_change_text: str
    need_reports: list[NeedReport]
    needs: list[NeedLine]
    centres: list[CentreTrends]
    empty_places: list[EmptyPlaces]
    waiting_lists: list[WaitingList]
    contradictions: list[str]
    new_offers: list[OfferProposal]
    planned_offers: list[OfferProposal]
    question_titles: dict[str, str] = field(default_factory=dict)
    question_shapes: dict[str, str] = field(default_factory=dict)
    answers_by_question: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def no_change_count(self) -> int:
        return len(self.no_change_units)

    @property
    def waiting_total(self) -> int:
        return sum(row.count or 0 for row in self.waiting_lists)

    @property
    def new_places_total(self) -> int:
        return sum(offer.places or 0 for offer in self.new_offers)

    @property
    def planned_places_total(self) -> int:
        return sum(offer.places or 0 for offer in self.planned_offers)


def summarise_round(units: list[UnitAnswers], expected: list[tuple[str, str]]) -> RoundSummary:
    units = _in_expected_order(units, expected)
    submitted_codes = {unit.code for unit in units}
    no_change = [unit.name for unit in units if unit.answer(q.CHANGES)["no_changes"]]
    need_reports = _need_reports(units)
    titles, shapes, by_question = _answers_by_question(units)
    return RoundSummary(
        expected_count=len(expected),
        submitted=[unit.name for unit in units],
        missing=[name for code, name in expected if code not in submitted_codes],
        no_change_units=no_change,
        no_change_text=_no_change_text(*_no_change_municipalities(units)),
        need_reports=need_reports,
        needs=_need_lines(need_reports),
        centres=_centres(units),
        empty_places=_empty_places(units),
        waiting_lists=_waiting_lists(units),
        contradictions=_contradictions(units),
        new_offers=_offers(units, q.NEW_OFFERS),
        planned_offers=_offers(units, q.PLANNED_OFFERS),
        question_titles=titles,
        question_shapes=shapes,
        answers_by_question=by_question,
    )


def _in_expected_order(units, expected) -> list[UnitAnswers]:
    """Units in the order of `expected`; a submitting unit not expected comes last."""
    position = {code: index for index, (code, _name) in enumerate(expected)}
    return sorted(units, key=lambda unit: position.get(unit.code, len(position)))


def municipality_of(code: str) -> str:
    """The municipality a reporting unit belongs to: "851-FB" and "851-AEH" are both Aalborg."""
    return code.split("-", 1)[0]


def _no_change_municipalities(units) -> tuple[int, int]:
    """(municipalities reporting no change, municipalities that handed in). A municipality
    with several units (Aalborg's administrations) counts once, and only when all its units
    report no change."""
    answers: dict[str, list[bool]] = {}
    for unit in units:
        answers.setdefault(municipality_of(unit.code), []).append(
            bool(unit.answer(q.CHANGES)["no_changes"])
        )
    return sum(all(flags) for flags in answers.values()), len(answers)


def _no_change_text(count: int, total: int) -> str:
    return ngettext(
        "%(count)d of %(total)d municipality reports no changes in use",
        "%(count)d of %(total)d municipalities report no changes in use",
        total,
    ) % {"count": count, "total": total}


# --- A2: falling and rising needs -------------------------------------------------------------


def _need_reports(units) -> list[NeedReport]:
    reports = []
    for unit in units:
        answer = unit.answer(q.CHANGES)
        for direction in ("falling", "rising"):
            reports += [
                NeedReport(
                    unit.name,
                    direction,
                    need.get("place", ""),
                    need.get("age", ""),
                    need.get("target_group", ""),
                    need.get("reason", ""),
                )
                for need in answer[direction]
            ]
    return reports


def _order(choices, value) -> int:
    keys = [key for key, _label in choices]
    return keys.index(value) if value in keys else len(keys)


def _need_key(report: NeedReport):
    return (
        _order(q.PLACE_CHOICES, report.place),
        _order(q.AGE_CHOICES, report.age),
        _order(q.target_group_choices(), report.target_group),
    )


def need_label(place: str, age: str, target_group: str) -> str:
    group = q.target_group_name(target_group) if target_group else gettext("target group not given")
    return gettext("%(place)s, %(age)s, %(group)s") % {
        "place": q.choice_label(q.PLACE_CHOICES, place),
        "age": str(q.choice_label(q.AGE_CHOICES, age)).lower(),
        "group": group,
    }


def _need_lines(reports: list[NeedReport]) -> list[NeedLine]:
    grouped: dict[tuple, dict[str, list[str]]] = {}
    for report in sorted(reports, key=_need_key):
        key = (report.place, report.age, report.target_group)
        units = grouped.setdefault(key, {"falling": [], "rising": []})[report.direction]
        if report.unit not in units:
            units.append(report.unit)
    return [
        NeedLine(*key, need_label(*key), tuple(units["falling"]), tuple(units["rising"]))
        for key, units in grouped.items()
    ]


# --- A10, B1, B3/B4 ---------------------------------------------------------------------------


def _centres(units) -> list[CentreTrends]:
    trends = [key for key, _label in q.TREND_CHOICES] + [""]
    result = []
    for centre, name in q.CENTRE_CHOICES:
        answers = [unit.answer(q.CENTRES).get(centre) or "" for unit in units]
        counts = {trend: answers.count(trend) for trend in trends}
        result.append(CentreTrends(centre, name, counts))
    return result


def _empty_places(units) -> list[EmptyPlaces]:
    rows = []
    for unit in units:
        answer = unit.answer(q.OPERATOR_CAPACITY)
        offers = answer["empty_offers"] or ([""] if answer["empty_places"] else [])
        rows += [EmptyPlaces(unit.name, offer) for offer in offers]
    return rows


def _waiting_lists(units) -> list[WaitingList]:
    return [
        WaitingList(
            unit.name,
            row.get("offer", ""),
            row.get("target_group", ""),
            q.target_group_name(row.get("target_group", "")),
            row.get("count"),
        )
        for unit in units
        for row in unit.answer(q.OPERATOR_CAPACITY)["waiting"]
    ]


def _offers(units, shape: str) -> list[OfferProposal]:
    proposals = []
    for unit in units:
        for row in unit.answer(shape) or []:
            parsed = parse_places(row.get("places_as_written", ""))
            proposals.append(
                OfferProposal(
                    unit.name,
                    row.get("name", ""),
                    row.get("target_group", ""),
                    parsed.as_written,
                    parsed.total,
                    parsed.total_maximum,
                    parsed.needs_review,
                    row.get("covered"),
                    row.get("planned_year"),
                )
            )
    return proposals


# --- Contradictions ---------------------------------------------------------------------------


def _contradictions(units) -> list[str]:
    return [
        *_waiting_contradictions(units),
        *_no_change_contradictions(units),
        *_operator_contradictions(units),
    ]


def _waiting_contradictions(units) -> list[str]:
    """An operator's waiting list (B1) while units as acting authority (A8) say none."""
    deniers = [
        unit.name for unit in units if unit.answer(q.AUTHORITY_CAPACITY)["waiting_lists"] is False
    ]
    if not deniers:
        return []
    sentences = []
    for row in _waiting_lists(units):
        if row.count == 0:
            continue
        sentences.append(_waiting_sentence(row, deniers))
    return sentences


def _waiting_sentence(row: WaitingList, deniers: list[str]) -> str:
    if row.count is None:
        waiting = gettext("a waiting list")
    else:
        waiting = ngettext(
            "%(count)d person on the waiting list",
            "%(count)d people on the waiting list",
            row.count,
        ) % {"count": row.count}
    return ngettext(
        "%(unit)s reports as operator %(waiting)s at %(offer)s (target group: %(group)s), while "
        "%(n)d unit as acting authority reports no waiting lists: %(names)s.",
        "%(unit)s reports as operator %(waiting)s at %(offer)s (target group: %(group)s), while "
        "%(n)d units as acting authority report no waiting lists: %(names)s.",
        len(deniers),
    ) % {
        "unit": row.unit,
        "waiting": waiting,
        "offer": row.offer,
        "group": row.target_group_name or gettext("not given"),
        "n": len(deniers),
        "names": ", ".join(deniers),
    }


def _no_change_contradictions(units) -> list[str]:
    sentences = []
    for unit in units:
        answer = unit.answer(q.CHANGES)
        needs = len(answer["falling"]) + len(answer["rising"])
        if answer["no_changes"] and needs:
            sentences.append(
                ngettext(
                    "%(unit)s reports no significant changes in use but lists %(n)d need.",
                    "%(unit)s reports no significant changes in use but lists %(n)d needs.",
                    needs,
                )
                % {"unit": unit.name, "n": needs}
            )
    return sentences


def _operator_contradictions(units) -> list[str]:
    sentences = []
    for unit in units:
        answer = unit.answer(q.OPERATOR_CAPACITY)
        if answer["empty_places"] is False and answer["empty_offers"]:
            sentences.append(
                gettext(
                    "%(unit)s answers no empty places as operator but names offers: %(offers)s."
                )
                % {"unit": unit.name, "offers": ", ".join(answer["empty_offers"])}
            )
        if answer["waiting_lists"] is False and answer["waiting"]:
            sentences.append(
                gettext("%(unit)s answers no waiting lists as operator but lists waiting lists.")
                % {"unit": unit.name}
            )
    return sentences


# --- Side by side -----------------------------------------------------------------------------


def _answers_by_question(units):
    """code -> [(unit name, readable answer)], each unit read with its own version; codes in
    the current version's order, then codes only older (or newer) versions have."""
    current = q.get_questionnaire(q.CURRENT_VERSION)
    questions: dict[str, q.Question] = {}
    answers: dict[str, list[tuple[str, str]]] = {}
    for unit in units:
        for presented in present_answers(unit.version, unit.answers):
            code = presented.question.code
            questions.setdefault(code, current.questions.get(code, presented.question))
            answers.setdefault(code, []).append((unit.name, presented.as_text()))
    order = [code for code in current.codes() if code in answers]
    order += [code for code in answers if code not in order]
    titles = {code: str(questions[code].title) for code in order}
    shapes = {code: questions[code].shape for code in order}
    return titles, shapes, {code: answers[code] for code in order}
