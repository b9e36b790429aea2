"""The re-assessment of a member before a new period (SPEC §6: in the first half of the
period's last year), as data. The operator answers, per member and criterion, whether the
offer still meets it and why, and whether it wishes to continue; the expert panel then
assesses. No ORM here. A round of kind "reassessment" holds one answer per member under
`reports.report_key(member_pk)`, like the annual reports."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from .models import Criterion
from .reports import report_key

YES_NO = (("yes", _("Yes")), ("no", _("No")))
LABELS = {
    "continue": _("The operator wishes the offer to continue in the next period"),
    "comment": _("Comment"),
}


def empty_answer() -> dict:
    return {
        **{code: {"meets": "", "why": ""} for code in Criterion.values},
        "continue": "",
        "comment": "",
    }


def answer_of(answers: dict, member_pk: int) -> dict:
    """The stored answer completed with the empty answer's missing keys."""
    stored = (answers or {}).get(report_key(member_pk)) or {}
    answer = empty_answer()
    for code in Criterion.values:
        answer[code] = {**answer[code], **(stored.get(code) or {})}
    answer["continue"] = stored.get("continue", "")
    answer["comment"] = stored.get("comment", "")
    return answer


def missing_fields(answer: dict) -> list[str]:
    """What must be answered before hand-in: each criterion yes/no with its reason, and
    whether the offer continues."""
    missing = []
    for code, label in Criterion.choices:
        part = answer.get(code) or {}
        if part.get("meets") not in ("yes", "no") or not str(part.get("why") or "").strip():
            missing.append(str(label))
    if answer.get("continue") not in ("yes", "no"):
        missing.append(str(LABELS["continue"]))
    return missing


def in_first_half(day: dt.date, year: int) -> bool:
    return dt.date(year, 1, 1) <= day <= dt.date(year, 6, 30)
