"""The round summary's tables for the page, the PDF and the XLSX (one sheet per question):
the RoundSummary from calculations.py in, ReportTables out. And the tariff round's two lists
(issue 15): the operator's offers and the secretariat's review, from plain lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext

from socialaftale.lib.tables import ReportTable

from . import questionnaire as q
from .calculations import RoundSummary


def summary_tables(summary: RoundSummary) -> list[ReportTable]:
    tables = [_overview_table(summary)]
    for code in summary.answers_by_question:
        builder = _SHAPE_TABLES.get(summary.question_shapes.get(code), _answers_table)
        tables.append(builder(code, summary))
    return tables


def _caption(code: str, summary: RoundSummary) -> str:
    return f"{code}. {summary.question_titles.get(code, '')}"


def _overview_table(summary: RoundSummary) -> ReportTable:
    directions = [report.direction for report in summary.need_reports]
    rows = [
        [gettext("Units that must submit"), summary.expected_count],
        [gettext("Units that have submitted"), len(summary.submitted)],
        [gettext("Units that have not submitted"), len(summary.missing)],
        [gettext("Units reporting no significant changes in use"), summary.no_change_count],
        [gettext("Falling needs reported"), directions.count("falling")],
        [gettext("Rising needs reported"), directions.count("rising")],
    ]
    for centre in summary.centres:
        rows += [
            [f"{centre.name}: {str(label).lower()}", centre.counts[trend]]
            for trend, label in q.TREND_CHOICES
        ]
    rows += [
        [gettext("Offers with empty places"), len(summary.empty_places)],
        [gettext("Waiting lists reported by operators"), len(summary.waiting_lists)],
        [gettext("People on operators' waiting lists"), summary.waiting_total],
        [gettext("Contradictions"), len(summary.contradictions)],
        [gettext("New offers (last two years)"), len(summary.new_offers)],
        [gettext("Places in new offers"), summary.new_places_total],
        [gettext("Planned offers (next two years)"), len(summary.planned_offers)],
        [gettext("Places in planned offers"), summary.planned_places_total],
    ]
    return ReportTable(
        "Overblik",
        gettext("Overview"),
        [gettext("Figure"), gettext("Count")],
        rows,
        notes=_overview_notes(summary),
    )


def _overview_notes(summary: RoundSummary) -> list[str]:
    notes = [summary.no_change_text + "."]
    if summary.missing:
        notes.append(gettext("Not submitted: %(names)s.") % {"names": ", ".join(summary.missing)})
    notes += [
        gettext("Contradiction: %(text)s") % {"text": text} for text in summary.contradictions
    ]
    notes.append(
        gettext(
            "Places are the committed count read from the places as written (a range counts "
            "its minimum); unknown counts (“?”) are not included."
        )
    )
    return notes


def _answers_table(code: str, summary: RoundSummary) -> ReportTable:
    rows = [[unit, text] for unit, text in summary.answers_by_question[code]]
    return ReportTable(code, _caption(code, summary), [gettext("Unit"), gettext("Answer")], rows)


def _changes_table(code: str, summary: RoundSummary) -> ReportTable:
    directions = {"falling": gettext("Falling need"), "rising": gettext("Rising need")}
    rows = [
        [unit, gettext("No significant changes"), None, None, None, None]
        for unit in summary.no_change_units
    ]
    rows += [
        [
            report.unit,
            directions.get(report.direction, report.direction),
            q.choice_label(q.PLACE_CHOICES, report.place),
            q.choice_label(q.AGE_CHOICES, report.age),
            q.target_group_name(report.target_group) or None,
            report.reason or None,
        ]
        for report in summary.need_reports
    ]
    headers = [gettext("Unit"), gettext("Answer"), gettext("Place type"), gettext("Age group")]
    headers += [gettext("Target group"), gettext("Reason")]
    return ReportTable(code, _caption(code, summary), headers, rows)


def _operator_table(code: str, summary: RoundSummary) -> ReportTable:
    rows = [
        [row.unit, gettext("Empty places"), row.offer or None, None, None]
        for row in summary.empty_places
    ]
    rows += [
        [row.unit, gettext("Waiting list"), row.offer, row.target_group_name or None, row.count]
        for row in summary.waiting_lists
    ]
    headers = [gettext("Unit"), gettext("Answer"), gettext("Offer"), gettext("Target group")]
    headers.append(gettext("Number waiting"))
    return ReportTable(code, _caption(code, summary), headers, rows)


def _offers_table(code: str, summary: RoundSummary, planned: bool) -> ReportTable:
    offers = summary.planned_offers if planned else summary.new_offers
    headers = [gettext("Unit"), gettext("Offer"), gettext("Target group")]
    headers += [gettext("Places (as written)"), gettext("Places"), gettext("At most")]
    headers += [gettext("Needs review"), gettext("Covered by the agreement")]
    rows = [
        [
            offer.unit,
            offer.name,
            offer.target_group or None,
            offer.places_as_written or None,
            offer.places,
            offer.places_maximum,
            offer.needs_review,
            offer.covered,
        ]
        # A year is text so the page does not print it with a thousands separator.
        + ([str(offer.planned_year) if offer.planned_year else None] if planned else [])
        for offer in offers
    ]
    if planned:
        headers.append(gettext("Planned year"))
    total = summary.planned_places_total if planned else summary.new_places_total
    footer = [[gettext("Total"), None, None, None, total]]
    footer[0] += [None] * (len(headers) - len(footer[0]))
    return ReportTable(code, _caption(code, summary), headers, rows, footer=footer)


_SHAPE_TABLES = {
    q.CHANGES: _changes_table,
    q.OPERATOR_CAPACITY: _operator_table,
    q.NEW_OFFERS: lambda code, summary: _offers_table(code, summary, planned=False),
    q.PLANNED_OFFERS: lambda code, summary: _offers_table(code, summary, planned=True),
}


@dataclass(frozen=True)
class RoundOfferLine:
    """One offer on the operator's list of the tariff round."""

    offer: str
    state: str
    reported_on: dt.date | None


def round_offers_table(year: int, unit: str, lines: list[RoundOfferLine]) -> ReportTable:
    caption = gettext("Tariffs %(year)s: %(unit)s") % {"year": year, "unit": unit}
    headers = [gettext("Offer"), gettext("Status"), gettext("Reported on")]
    rows = [[line.offer, line.state, line.reported_on] for line in lines]
    return ReportTable("round-offers", caption, headers, rows)


@dataclass(frozen=True)
class ReviewLine:
    """One component of an offer's reported tariff (or the offer, if none is reported) with
    last year's amount in this year's prices, the change and whether it misses the target."""

    offer: str
    operator: str
    state: str
    component: str | None = None
    previous: Decimal | None = None
    reported: Decimal | None = None
    allowed: Decimal | None = None
    change_kroner: Decimal | None = None
    change_pct: Decimal | None = None
    exceeds: bool | None = None
    reason: str | None = None


REVIEW_MONEY = (4, 5, 6, 7)


def review_table(year: int, lines: list[ReviewLine], status: str = "") -> ReportTable:
    caption = gettext("Review of the tariffs %(year)s") % {"year": year}
    if status:
        caption = f"{caption} ({status})"
    headers = [gettext("Offer"), gettext("Operator"), gettext("Status"), gettext("Component")]
    headers += [gettext("Last year in this year's prices (kr.)"), gettext("Reported (kr.)")]
    headers += [gettext("Target: at most (kr.)"), gettext("Change (kr.)"), gettext("Change (%)")]
    headers += [gettext("Misses the target"), gettext("Reason")]
    rows = [
        [
            line.offer,
            line.operator,
            line.state,
            line.component,
            line.previous,
            line.reported,
            line.allowed,
            line.change_kroner,
            line.change_pct,
            line.exceeds,
            line.reason,
        ]
        for line in lines
    ]
    decimals = {index: 2 for index in (*REVIEW_MONEY, 8)}
    return ReportTable("review-offers", caption, headers, rows, decimals=decimals)
