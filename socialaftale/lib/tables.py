"""One table model for a published table: the page, the CSV/XLSX download and the PDF all
render the same rows, so they cannot disagree."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext

from .danish import format_decimal
from .export import Sheet, download


@dataclass
class ReportTable:
    id: str
    caption: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)  # Decimal | int | str | None
    footer: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    decimals: dict[int, int] = field(default_factory=dict)  # column -> decimals shown

    def is_numeric(self, column: int) -> bool:
        return any(isinstance(row[column], int | Decimal) for row in self.rows + self.footer)


def display(value, decimals: int = 0) -> str:
    """Danish display: 1.234.567 / 31,7 / "–" for missing."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, int):
        return format_decimal(value, 0)  # counts never get decimals
    if isinstance(value, Decimal):
        return format_decimal(value, decimals)
    if isinstance(value, dt.date):  # a date cell: a date in the download, Danish on the page
        return f"{value:%d.%m.%Y}"
    return str(value)


def display_rows(table: ReportTable, rows: list[list]) -> list[list[str]]:
    return [
        [display(value, table.decimals.get(index, 0)) for index, value in enumerate(row)]
        for row in rows
    ]


def sheet_of(table: ReportTable) -> Sheet:
    return Sheet(
        title=table.id,
        headers=[str(header) for header in table.headers],
        rows=table.rows + table.footer,
        caption=table.caption,
        decimals={index: table.decimals.get(index, 0) for index in range(len(table.headers))},
    )


def tables_download(filename: str, fmt: str, tables: list[ReportTable]) -> HttpResponse:
    """The tables in the one CSV dialect or as an XLSX with one sheet per table
    (socialaftale.lib.export)."""
    return download(filename, fmt, [sheet_of(table) for table in tables])


def to_pdf_table(table: ReportTable):
    from .pdf import PdfTable

    numeric = {i for i in range(1, len(table.headers)) if table.is_numeric(i)}
    return PdfTable(
        caption=table.caption,
        headers=[str(h) for h in table.headers],
        rows=display_rows(table, table.rows),
        footer=display_rows(table, table.footer),
        notes=list(table.notes),
        numeric_columns=numeric,
    )
