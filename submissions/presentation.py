"""Read-only presentation of questionnaire answers, pure (no ORM).

The summary-before-submit page, a submitted version's page, the receipt PDF and the
secretariat's side-by-side summary all show answers through `present_answers`, always with
the questionnaire version the answers were given under.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy

from . import questionnaire as q

_NOTHING = "–"


@dataclass(frozen=True)
class AnswerTable:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PresentedAnswer:
    question: q.Question
    pairs: tuple[tuple[str, str], ...]  # (label, value) shown as a description list
    tables: tuple[AnswerTable, ...]  # repeating groups

    @property
    def is_empty(self) -> bool:
        return not self.pairs and not self.tables

    def as_text(self) -> str:
        """One line for the side-by-side view and spreadsheets."""
        parts = [f"{label}: {value.replace(chr(10), ', ')}" for label, value in self.pairs]
        for table in self.tables:
            rows = [", ".join(cell for cell in row if cell != _NOTHING) for row in table.rows]
            parts.append(f"{table.caption}: {' / '.join(rows)}")
        return "; ".join(parts) or _NOTHING

    def as_lines(self) -> str:
        """Label: value per line, and each table row with its column names (the diff)."""
        lines = [f"{label}: {value.replace(chr(10), ', ')}" for label, value in self.pairs]
        for table in self.tables:
            lines.append(f"{table.caption}:")
            for row in table.rows:
                cells = zip(table.headers, row, strict=True)
                lines.append("– " + "; ".join(f"{h}: {c}" for h, c in cells if c != _NOTHING))
        return "\n".join(lines)


def present_answers(version: str, answers: dict) -> list[PresentedAnswer]:
    """Every question of `version` in step order, with its answer made readable. Without a
    questionnaire (a citizen list handed in by its upload) the stored hand-in is labelled."""
    if not version:
        return _present_hand_in(answers)
    questionnaire = q.get_questionnaire(version)
    return [
        present_answer(questionnaire.questions[code], answers) for code in questionnaire.codes()
    ]


def present_answer(question: q.Question, answers: dict) -> PresentedAnswer:
    pairs, tables = _PRESENTERS[question.shape](q.answer_for(question, answers))
    return PresentedAnswer(question, tuple(pairs), tuple(table for table in tables if table.rows))


# What another app stores as a hand-in without a questionnaire: key -> (title, field labels).
_HAND_IN_LABELS = {
    "citizen_list": (
        gettext_lazy("Citizen list"),
        {
            "file": gettext_lazy("File"),
            "rows": gettext_lazy("Rows"),
            "months": gettext_lazy("Months"),
            "checksum": gettext_lazy("Checksum (SHA-256)"),
        },
    ),
}


def _present_hand_in(answers: dict) -> list[PresentedAnswer]:
    presented = []
    for key, value in (answers or {}).items():
        if key not in _HAND_IN_LABELS:  # only hand-ins this module knows how to label
            continue
        title, labels = _HAND_IN_LABELS[key]
        value = value if isinstance(value, dict) else {}
        pairs = [
            (str(label), _text(", ".join(map(str, v)) if isinstance(v, list) else v))
            for name, label in labels.items()
            for v in [value.get(name)]
        ]
        presented.append(PresentedAnswer(q.Question("", title, "", key), tuple(pairs), ()))
    return presented


def _text(value) -> str:
    if value is None or value == "":
        return _NOTHING
    return str(value)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return gettext("Not answered")
    return gettext("Yes") if value else gettext("No")


def _lines(values: list[str]) -> str:
    return "\n".join(values) if values else _NOTHING


def _table(caption, headers, rows) -> AnswerTable:
    return AnswerTable(
        str(caption),
        tuple(str(header) for header in headers),
        tuple(tuple(_text(cell) for cell in row) for row in rows),
    )


def _need_rows(needs: list[dict]) -> list[list]:
    return [
        [
            q.choice_label(q.PLACE_CHOICES, need.get("place")),
            q.choice_label(q.AGE_CHOICES, need.get("age")),
            q.target_group_name(need.get("target_group", "")),
            need.get("reason", ""),
        ]
        for need in needs
    ]


def _changes(answer):
    headers = [gettext("Place type"), gettext("Age group"), gettext("Target group")]
    headers.append(gettext("Reason"))
    pairs = [(gettext("No significant changes"), _yes_no(answer["no_changes"]))]
    return pairs, [
        _table(gettext("Falling need for"), headers, _need_rows(answer["falling"])),
        _table(gettext("Rising need for"), headers, _need_rows(answer["rising"])),
    ]


def _visions(answer):
    children, adults = q.AGE_CHOICES[0][1], q.AGE_CHOICES[1][1]
    return [(str(children), _text(answer["children"])), (str(adults), _text(answer["adults"]))], []


def _offer_lists(answer):
    children, adults = q.AGE_CHOICES[0][1], q.AGE_CHOICES[1][1]
    pairs = [(str(adults), _lines(answer["adults"])), (str(children), _lines(answer["children"]))]
    return pairs, []


def _none_or_text(answer):
    pairs = [(gettext("No changes expected"), _yes_no(answer["none"]))]
    return pairs + [(gettext("Description"), _text(answer["text"]))], []


def _plain_text(answer):
    return [(gettext("Answer"), _text(answer["text"]))], []


def _wishes(answer):
    headers = (gettext("Offer"), gettext("Wished change"), gettext("Need behind the wish"))
    rows = [[row.get("offer"), row.get("change"), row.get("need")] for row in answer]
    return [], [_table(gettext("Wishes"), headers, rows)]


def _authority(answer):
    return [
        (gettext("Citizens on waiting lists"), _yes_no(answer["waiting_lists"])),
        (gettext("Empty places in offers used"), _yes_no(answer["empty_places"])),
        (gettext("Details"), _text(answer["text"])),
    ], []


def _centres(answer):
    return [
        (name, _text(q.choice_label(q.TREND_CHOICES, answer.get(key))))
        for key, name in q.CENTRE_CHOICES
    ], []


def _operator(answer):
    pairs = [
        (gettext("Empty places"), _yes_no(answer["empty_places"])),
        (gettext("Offers with empty places"), _lines(answer["empty_offers"])),
        (gettext("Waiting lists"), _yes_no(answer["waiting_lists"])),
    ]
    headers = (gettext("Offer"), gettext("Target group"), gettext("Number waiting"))
    rows = [
        [row.get("offer"), q.target_group_name(row.get("target_group", "")), row.get("count")]
        for row in answer["waiting"]
    ]
    return pairs, [_table(gettext("Waiting lists by offer"), headers, rows)]


def _measures(answer):
    headers = (gettext("Type of measure"), gettext("Target group"), gettext("Year taken into use"))
    rows = [
        [row.get("measure"), q.target_group_name(row.get("target_group", "")), row.get("year")]
        for row in answer
    ]
    return [], [_table(gettext("Preventive measures"), headers, rows)]


def _offer_rows(answer, planned: bool) -> list[list]:
    rows = []
    for row in answer:
        covered = row.get("covered")
        cells = [row.get("name"), row.get("target_group"), row.get("places_as_written")]
        cells.append(None if covered is None else _yes_no(covered))
        rows.append(cells + [row.get("planned_year")] if planned else cells)
    return rows


def _offers(answer, planned: bool = False):
    headers = [gettext("Offer"), gettext("Target group"), gettext("Places (as written)")]
    headers.append(gettext("Covered by the agreement"))
    if planned:
        headers.append(gettext("Planned year"))
    caption = gettext("Planned offers") if planned else gettext("New offers")
    return [], [_table(caption, headers, _offer_rows(answer, planned))]


_PRESENTERS = {
    q.VISIONS: _visions,
    q.CHANGES: _changes,
    q.OFFER_LISTS: _offer_lists,
    q.NONE_OR_TEXT: _none_or_text,
    q.WISHES: _wishes,
    q.TEXT: _plain_text,
    q.AUTHORITY_CAPACITY: _authority,
    q.CENTRES: _centres,
    q.OPERATOR_CAPACITY: _operator,
    q.MEASURES: _measures,
    q.NEW_OFFERS: _offers,
    q.PLANNED_OFFERS: lambda answer: _offers(answer, planned=True),
}
