"""Plausibility of questionnaire answers (pure, no ORM). Impossible: a negative count, or an
answer that contradicts itself ("no waiting lists" with waiting-list rows, "no significant
changes" with needs listed). Implausible but possible, so a warning the reporter confirms:
an unusually long waiting list, a list row with nobody waiting, a planned offer dated outside
the next years, "no changes expected" with a description of changes."""

from django.utils.translation import gettext as _

from socialaftale.lib.plausibility import Finding

from . import questionnaire as q

LONG_WAITING_LIST = 50  # people on one offer's list; more is possible but rare here
PLANNED_YEARS_AHEAD = 5


def check_answers(version: str, answers: dict, *, year: int, codes=None) -> list[Finding]:
    """Findings for the questions `codes` (all by default) of `version`; `year` is the
    round's year, which the planned years are read against."""
    questionnaire = q.get_questionnaire(version)
    findings = []
    for code in codes or questionnaire.codes():
        question = questionnaire.questions[code]
        rule = _RULES.get(question.shape)
        if rule and code in (answers or {}):
            findings += rule(question, q.answer_for(question, answers), year)
    return findings


def _field(question: q.Question, label) -> str:
    return f"{question.code} {label}"


def _impossible(question, label, message) -> Finding:
    return Finding(_field(question, label), message, impossible=True)


def _warning(question, label, message) -> Finding:
    return Finding(_field(question, label), message, impossible=False)


def _operator(question, answer, _year) -> list[Finding]:
    found, waiting = [], answer["waiting"]
    if answer["waiting_lists"] is False and waiting:
        message = _(
            "You answered no waiting lists but filled in waiting-list rows. Answer yes, "
            "or remove the rows."
        )
        found.append(_impossible(question, _("Waiting lists"), message))
    if answer["empty_places"] is False and answer["empty_offers"]:
        message = _("You answered no empty places but name offers. Answer yes, or remove them.")
        found.append(_impossible(question, _("Empty places"), message))
    for number, row in enumerate(waiting, start=1):
        found += _waiting_count(question, number, row.get("count"))
    return found


def _waiting_count(question, number: int, count) -> list[Finding]:
    label = _("Number waiting, row %(number)d") % {"number": number}
    if count is None:
        return []
    if count < 0:
        return [_impossible(question, label, _("A number of people cannot be negative."))]
    if count == 0:
        return [_warning(question, label, _("A waiting list with nobody on it."))]
    if count > LONG_WAITING_LIST:
        message = _("%(count)d people waiting for one offer is unusually many.")
        return [_warning(question, label, message % {"count": count})]
    return []


def _changes(question, answer, _year) -> list[Finding]:
    needs = len(answer["falling"]) + len(answer["rising"])
    if not (answer["no_changes"] and needs):
        return []
    message = _("You ticked it but list %(count)d changed needs. Untick it, or remove the needs.")
    label = _("No significant changes in use")
    return [_impossible(question, label, message % {"count": needs})]


def _none_or_text(question, answer, _year) -> list[Finding]:
    if not (answer["none"] and (answer["text"] or "").strip()):
        return []
    message = _("You ticked no changes expected but describe changes.")
    return [_warning(question, _("No changes expected"), message)]


def _planned(question, answer, year) -> list[Finding]:
    found = []
    message = _("%(planned)d is far from the round's year %(year)d for a planned offer.")
    for number, row in enumerate(answer, start=1):
        planned = row.get("planned_year")
        label = _("Planned year, row %(number)d") % {"number": number}
        if planned and not year - 1 <= planned <= year + PLANNED_YEARS_AHEAD:
            found.append(_warning(question, label, message % {"planned": planned, "year": year}))
    return found


_RULES = {
    q.OPERATOR_CAPACITY: _operator,
    q.CHANGES: _changes,
    q.NONE_OR_TEXT: _none_or_text,
    q.PLANNED_OFFERS: _planned,
}
