"""One table model for a published table: the page, the CSV/XLSX download and the PDF all
render the same rows, so they cannot disagree."""

from dataclasses import dataclass, field
from decimal import Decimal

import tablib
from django.http import HttpResponse
from django.utils.translation import gettext

from .danish import format_decimal
from .export import FORMATS, safe_cell


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
    return str(value)


def display_rows(table: ReportTable, rows: list[list]) -> list[list[str]]:
    return [
        [display(value, table.decimals.get(index, 0)) for index, value in enumerate(row)]
        for row in rows
    ]


def _dataset(table: ReportTable) -> tablib.Dataset:
    data = tablib.Dataset(headers=[safe_cell(str(h)) for h in table.headers], title=table.id[:31])
    for row in table.rows + table.footer:
        data.append([safe_cell(_cell(value)) for value in row])
    return data


def _cell(value):
    if value is None:
        return ""
    return display(value) if isinstance(value, bool) else value


def tables_download(filename: str, fmt: str, tables: list[ReportTable]) -> HttpResponse:
    """XLSX: one sheet per table with real numbers. CSV: the tables one after another, each
    under its caption, plain numbers (no thousands separators) for machines."""
    if fmt == "xlsx":
        content = tablib.Databook([_dataset(table) for table in tables]).export("xlsx")
    else:
        parts = [f"{table.caption}\n{_dataset(table).export('csv')}" for table in tables]
        content = "\ufeff" + "\n".join(parts)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


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
