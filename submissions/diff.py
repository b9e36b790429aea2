"""What changed between two submitted versions, question by question (pure).

Both sides are read through `present_answers` with the questionnaire version each was given
under, so the change shows the questions' titles, the fields' labels and Danish values (the
same text as the answer pages), never the stored keys."""

from dataclasses import dataclass

from .presentation import PresentedAnswer, present_answers


@dataclass(frozen=True)
class AnswerChange:
    code: str
    title: str
    before: str
    after: str


def _by_code(version: str, answers: dict) -> dict[str, PresentedAnswer]:
    presented = present_answers(version, answers or {})
    return {answer.question.code or str(answer.question.title): answer for answer in presented}


def answers_diff(
    before_version: str, before: dict, after_version: str, after: dict
) -> list[AnswerChange]:
    """The questions whose readable answer differs, in the later version's order."""
    old, new = _by_code(before_version, before), _by_code(after_version, after)
    codes = list(new) + [code for code in old if code not in new]
    changes = []
    for code in codes:
        was = old[code].as_lines() if code in old else ""
        now = new[code].as_lines() if code in new else ""
        if was != now:
            title = (new.get(code) or old[code]).question.title
            changes.append(AnswerChange(code, str(title), was, now))
    return changes
