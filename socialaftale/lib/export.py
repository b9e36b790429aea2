"""Which download a request asks for (?_export=csv|xlsx), and the one rule every export obeys:
a text cell that a spreadsheet would read as a formula is written as text (OWASP's CSV
injection rule). lib/tables.py writes the ReportTables; SafeExportMixin is django-tables2's
export with the same rule."""

import re

import tablib
from django_tables2.export import ExportMixin, TableExport

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# What Excel, LibreOffice and Google Sheets start a formula (or DDE call) with.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed number as written by machines (-1234.5, +1e3) or in Danish (-1.234,50): a value,
# not a formula, so it is left as it is.
_NUMBER = re.compile(
    r"[+-](?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
    r"|[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
)


def requested_format(request) -> str | None:
    value = request.GET.get("_export", "")
    return value if value in FORMATS else None


# Control characters an XLSX cannot hold (openpyxl refuses the whole workbook); tab, newline
# and carriage return are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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


def safe_dataset(dataset: tablib.Dataset) -> tablib.Dataset:
    safe = tablib.Dataset(title=dataset.title)
    for row in dataset:
        safe.append([safe_cell(value) for value in row])
    if dataset.headers:
        safe.headers = [safe_cell(header) for header in dataset.headers]
    return safe


class SafeTableExport(TableExport):
    """django-tables2's export, CSV and XLSX only, with safe_cell on every cell."""

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        return safe_dataset(super().table_to_dataset(table, exclude_columns, dataset_kwargs))

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in FORMATS


class SafeExportMixin(ExportMixin):
    export_class = SafeTableExport
