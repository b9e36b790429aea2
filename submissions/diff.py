"""What changed between two submitted versions, question by question (pure)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerChange:
    code: str
    before: str
    after: str


def readable(value) -> str:
    """A plain-text rendering of an answer value for side-by-side comparison."""
    if isinstance(value, dict):
        parts = [
            f"{key}: {readable(item)}"
            for key, item in value.items()
            if item not in ("", None, [], {})
        ]
        return "; ".join(parts)
    if isinstance(value, list):
        return "\n".join(f"– {readable(item)}" for item in value)
    if value is True:
        return "ja"
    if value is False:
        return "nej"
    return "" if value is None else str(value)


def answers_diff(before: dict, after: dict) -> list[AnswerChange]:
    codes = sorted(set(before) | set(after), key=lambda code: (code[:1], int(code[1:] or 0))
                   if code[1:].isdigit() else (code, 0))  # fmt: skip
    return [
        AnswerChange(code, readable(before.get(code)), readable(after.get(code)))
        for code in codes
        if before.get(code) != after.get(code)
    ]
