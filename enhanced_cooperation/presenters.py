"""What a handed-in annual report or re-assessment says, for the round engine's version page
and receipt PDF (submissions.kinds.present_answers): one section per member."""

from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from submissions.kinds import AnswerSection

from . import reassessment
from .models import Criterion
from .reports import LABELS, TEXT_FIELDS, occupancy, report_of
from .selectors import members_of_submission
from .tables.reports import demand_label, places_text


def _occupancy_text(report: dict) -> str:
    value = occupancy(report)
    return "" if value is None else f"{format_decimal(value, 1)} %"


def annual_reports(submission, answers: dict) -> list[AnswerSection]:
    sections = []
    for member in members_of_submission(submission):
        report = report_of(answers, member.pk)
        demand = " – ".join(part for part in (demand_label(report), report["demand_text"]) if part)
        pairs = [(str(label), report[code]) for code, label in TEXT_FIELDS[:1]]
        pairs += [
            (str(LABELS["occupancy_pct"]), _occupancy_text(report)),
            (str(LABELS["places"]), places_text(report)),
            (str(LABELS["demand"]), demand),
        ]
        pairs += [(str(label), report[code]) for code, label in TEXT_FIELDS[1:]]
        sections.append(AnswerSection(member.name, pairs))
    return sections


def _said(value: str) -> str:
    return {"yes": _("Yes"), "no": _("No")}.get(value, "")


def reassessments(submission, answers: dict) -> list[AnswerSection]:
    sections = []
    for member in members_of_submission(submission):
        answer = reassessment.answer_of(answers, member.pk)
        pairs = [
            (
                str(label),
                " – ".join(p for p in (_said(answer[code]["meets"]), answer[code]["why"]) if p),
            )
            for code, label in Criterion.choices
        ]
        pairs += [
            (str(reassessment.LABELS["continue"]), _said(answer["continue"])),
            (str(reassessment.LABELS["comment"]), answer["comment"]),
        ]
        sections.append(AnswerSection(member.name, pairs))
    return sections
