"""The tariff round's two lists as plain lines for submissions.tables (issue 15): the
operator's offers with their state, and the secretariat's review with one line per reported
component (last year in this year's prices, the target's highest amount, the change and
whether it misses the target), filterable by state; and what the page adds to each line (the
link, the checkbox of "Approve selected")."""

from dataclasses import dataclass

from django.utils import timezone

from socialaftale.lib.tables import display_rows
from tariffs.round_calc import Change, component_key
from tariffs.selectors import tariff_round as reads

from .tables import ReviewLine, RoundOfferLine, review_table, round_offers_table
from .tariff_round import STATE_LABELS, offer_rows

STATES = (reads.NOT_STARTED, reads.REPORTED, reads.RETURNED, reads.APPROVED)


def status_choices() -> list[tuple[str, str]]:
    return [(state, str(STATE_LABELS[state])) for state in STATES]


def chosen_status(request) -> str:
    value = request.GET.get("status", "")
    return value if value in STATES else ""


def operator_table(submission, rows):
    lines = [
        RoundOfferLine(
            row.offer.name,
            row.state_label,
            timezone.localdate(row.tariff.reported_at)
            if row.tariff and row.tariff.reported_at
            else None,
        )
        for row in rows
    ]
    return round_offers_table(submission.round.year, submission.unit.name, lines)


def _component_lines(row, previous: dict, target) -> list[ReviewLine]:
    reasons = row.tariff.round_entry.reasons if hasattr(row.tariff, "round_entry") else {}
    lines = []
    for component in row.tariff.components.all():
        key = component_key(component.kind, component.package)
        change = Change(previous[key], component.amount, target) if key in previous else None
        lines.append(
            ReviewLine(
                offer=row.offer.name,
                operator=row.offer.operator.short_name,
                state=row.state_label,
                component=str(component).rsplit(":", 1)[0].strip(),
                previous=previous.get(key),
                reported=component.amount,
                allowed=change.allowed if change else None,
                change_kroner=change.kroner if change else None,
                change_pct=change.pct if change else None,
                exceeds=change.exceeds if change else None,
                reason=reasons.get(key) or None,
            )
        )
    return lines


@dataclass(frozen=True)
class ReviewRow:
    """A line of the review as the page shows it: its cells and the offer's link and box."""

    cells: list
    offer_pk: int
    first: bool
    tariff_pk: int | None
    token: str | None
    exceeds: bool


def review(reporting_round, offers, status: str, tokens) -> tuple:
    """The review's table and its page rows; `tokens(row)` is the edit token of a tariff
    that awaits approval (None otherwise)."""
    year, target = reporting_round.year, reads.target_pct(reporting_round.year)
    lines, marks = [], []
    rows = offer_rows(reporting_round, offers)
    previous_of = reads.previous_values_for([row.offer for row in rows], year)
    for row in rows:
        if status and row.state != status:
            continue
        found = []
        if row.tariff is not None and row.state != reads.NOT_STARTED:
            previous = previous_of[row.offer.pk].amounts
            found = _component_lines(row, previous, target)
        found = found or [
            ReviewLine(row.offer.name, row.offer.operator.short_name, row.state_label)
        ]
        token = tokens(row)
        for index, line in enumerate(found):
            marks.append((row.offer.pk, index == 0, row.tariff and row.tariff.pk, token, line))
        lines += found
    label = str(STATE_LABELS[status]) if status else ""
    table = review_table(year, lines, label)
    page_rows = [
        ReviewRow(cells, offer_pk, first, tariff_pk, token, bool(line.exceeds))
        for cells, (offer_pk, first, tariff_pk, token, line) in zip(
            display_rows(table, table.rows), marks, strict=True
        )
    ]
    return table, page_rows
