"""Shared shape of all-or-nothing imports: collect every row error, then refuse or save."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    row: int  # the file's line number, header = 1
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(Exception):
    """Raised with every error found; nothing has been saved."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:5]))


def decode_upload(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252 as Excel on Danish Windows
    writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def read_csv_rows(text: str, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs with lower-cased, stripped column names; ',' or ';' separated.
    Raises ImportRejected naming missing columns."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportRejected(
            [RowError(1, name, _("the column is missing from the header")) for name in missing]
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        cleaned = {key: (value or "").strip() for key, value in row.items() if key}
        rows.append((reader.line_num, cleaned))
    return rows
