"""Every download the portal offers, in one CSV dialect and one XLSX shape, written here.

CSV: UTF-8 with BOM, `;` between cells, CRLF line ends, decimal comma and no thousands
separator (2500000,50), dates ISO (2019-05-21), times local (2019-05-21 09:30), booleans
Ja/Nej – the file Danish Excel opens as columns and numbers, and every importer reads back.
One table: its header is the first row. Several tables: each under its caption, a blank line
between them. XLSX: one sheet per table, numbers as numeric cells (shown with the table's
decimals), dates as dates, the header in bold.

And the one rule every export obeys: a text cell that a spreadsheet would read as a formula is
written as text (OWASP's CSV injection rule). SafeExportMixin is django-tables2's export
through the same writers.
"""

import base64
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django_tables2.export import ExportMixin

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DELIMITER = ";"
# What Excel, LibreOffice and Google Sheets start a formula (or DDE call) with.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed number as written by machines (-1234.5, +1e3) or in Danish (-1.234,50): a value,
# not a formula, so it is left as it is.
_NUMBER = re.compile(
    r"[+-](?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
    r"|[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
)
# Control characters an XLSX cannot hold (openpyxl refuses the whole workbook); tab, newline
# and carriage return are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_NAME = re.compile(r"[\\/?*\[\]:]")


def requested_format(request) -> str | None:
    value = request.GET.get("_export", "")
    return value if value in FORMATS else None


def safe_cell(value):
    """A text value that would start a formula gets a leading apostrophe, and loses control
    characters; numbers, dates and other values are returned unchanged."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    if not value.startswith(FORMULA_START):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


@dataclass
class Sheet:
    """One table of a download: a header row and rows of Decimal, int, date, str or None."""

    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    caption: str = ""  # written above the header when a CSV holds several tables
    decimals: dict[int, int] = field(default_factory=dict)  # column -> decimals (XLSX)


def csv_value(value) -> str:
    """One cell in the CSV dialect."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, dt.datetime):
        return f"{_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(safe_cell(str(value)))


def csv_text(sheets: list[Sheet]) -> str:
    """The CSV as text, BOM first."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    for index, sheet in enumerate(sheets):
        if len(sheets) > 1:
            writer.writerows([[]] if index else [])
            writer.writerow([csv_value(sheet.caption or sheet.title)])
        writer.writerow([csv_value(header) for header in sheet.headers])
        writer.writerows([csv_value(value) for value in row] for row in sheet.rows)
    return buffer.getvalue()


def csv_data_url(sheets: list[Sheet]) -> str:
    """The CSV as a `data:` link, for a download a page carries itself (an upload's errors)."""
    content = base64.b64encode(csv_text(sheets).encode("utf-8")).decode()
    return f"data:{FORMATS['csv'].replace(' ', '')};base64,{content}"


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        page = book.create_sheet(_SHEET_NAME.sub("", sheet.title)[:31] or "Ark")
        page.append([safe_cell(str(header)) for header in sheet.headers])
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append([_xlsx_value(value) for value in row])
            for column, cell in enumerate(page[page.max_row]):
                cell.number_format = _number_format(row[column], sheet.decimals.get(column))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value):
    if isinstance(value, bool):
        return csv_value(value)
    if isinstance(value, dt.datetime):
        return _local(value).replace(tzinfo=None)
    if isinstance(value, int | float | Decimal | dt.date) or value is None:
        return value
    return safe_cell(str(value))


def _number_format(value, decimals: int | None) -> str:
    if isinstance(value, dt.datetime):
        return "dd-mm-yyyy hh:mm"
    if isinstance(value, dt.date):
        return "dd-mm-yyyy"
    if isinstance(value, Decimal) and not isinstance(value, bool):
        places = decimals if decimals is not None else max(0, -value.as_tuple().exponent)
        return "#,##0." + "0" * places if places else "#,##0"
    return "General"


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def download(filename: str, fmt: str, sheets: list[Sheet]) -> HttpResponse:
    """The response for ?_export=csv|xlsx: filename without its extension."""
    content = csv_text(sheets).encode("utf-8") if fmt == "csv" else xlsx_bytes(sheets)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class SafeExportMixin(ExportMixin):
    """django-tables2's ?_export=csv|xlsx through download(): the table's export values
    (value_<column>, invisible columns included) in the one dialect."""

    def render_to_response(self, context, **kwargs):
        fmt = self.request.GET.get(self.export_trigger_param)
        if fmt in FORMATS:
            return self.create_export(fmt)
        return super(ExportMixin, self).render_to_response(context, **kwargs)

    def create_export(self, export_format):
        table = self.get_table(**self.get_table_kwargs())
        header, *rows = table.as_values(exclude_columns=self.exclude_columns)
        name = self.get_export_filename(export_format).removesuffix(f".{export_format}")
        return download(name, export_format, [Sheet(title=name, headers=header, rows=rows)])
