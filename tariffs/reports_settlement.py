"""The financing year's tables (SPEC §3.4a), each read by a selector and shaped by
tables/settlement.py, shown alike by the page, the downloads and the PDF."""

from dataclasses import dataclass

from socialaftale.lib.tables import ReportTable

from .selectors import settlement as reads
from .tables.settlement import municipality_tables, plan_table, true_up_table


def plan_tables(plan) -> list[ReportTable]:
    return [plan_table(reads.plan_figures(plan))] if plan else []


@dataclass(frozen=True)
class StatementReport:
    statement: object
    figures: reads.StatementFigures
    tables: list[ReportTable]


def statement_report(scheme, year: int, version: int) -> StatementReport | None:
    statement = reads.statement_for(scheme, year, version)
    if statement is None:
        return None
    figures = reads.statement_figures(statement)
    return StatementReport(statement, figures, [true_up_table(figures)])


@dataclass(frozen=True)
class PartyReport:
    statement: object
    figures: reads.StatementFigures
    row: reads.TrueUpRowFigures
    charges: list
    tables: list[ReportTable]


def party_report(scheme, year: int, version: int, organisation_id: int) -> PartyReport | None:
    """One party's statement; None if the statement or the party's row is not there."""
    statement = reads.statement_for(scheme, year, version)
    if statement is None:
        return None
    figures = reads.statement_figures(statement)
    row = next((r for r in figures.rows if r.organisation_id == organisation_id), None)
    if row is None:
        return None
    charges = reads.charges_of(statement.plan, organisation_id)
    return PartyReport(statement, figures, row, charges, municipality_tables(figures, row, charges))
