"""The one reader of uploaded tables (CSV or XLSX) for every importer.

CSV: the whole file must decode as UTF-8 (with or without BOM); else as Windows-1252 (strictly:
0x81, 0x8D, 0x8F, 0x90 and 0x9D are not Windows-1252); else, or if its only non-ASCII bytes are
the DOS letters æ, ø, å, Æ, Ø, Å, as the DOS code page 865 (which decodes any byte). `;` or `,`
as written in the header; a file with NUL bytes is refused (it is not a text file).

XLSX: the zip is checked before openpyxl opens it (the parts a workbook needs, the uncompressed
size of every part and its compression ratio), then the first sheet is read in read-only mode
with its declared dimensions ignored (`reset_dimensions`), row by row. Rows, columns, cell
lengths and the deadline are checked on every row (socialaftale.lib.imports.iter_limited), so
a file stops at the first row past a limit.
"""

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .imports import MB, Deadline, Limits, iter_limited, refuse, too_large

_CHUNK = 1 << 20
_DOS_LETTERS = frozenset(b"\x91\x9b\x86\x92\x9d\x8f")  # æ ø å Æ Ø Å in code page 865
_XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_MAX_PARTS = 1000


@dataclass
class Table:
    header: list[str]  # stripped, lower-cased
    rows: Iterator[tuple[int, list[str]]]  # (row number, cells as text); header = row 1


def open_table(data: bytes, filename: str, limits: Limits) -> Table:
    if len(data) > limits.max_bytes:
        raise too_large(limits)
    deadline = Deadline(limits.seconds)
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        raw = _xlsx_rows(data, limits)
    else:
        raw = _csv_rows(data, deadline)
    checked = iter_limited(raw, [], limits, deadline)
    first = next(checked, None)
    header = [cell.strip().lower() for cell in first[1]] if first else []
    rows = iter_limited(raw, header, limits, deadline)
    return Table(header, (row for row in rows if any(cell.strip() for cell in row[1])))


def _not_text() -> Exception:
    return refuse(
        _("The file contains NUL bytes and is not a CSV text file; save it as CSV (UTF-8).")
    )


def _csv_rows(data: bytes, deadline: Deadline) -> Iterator[tuple[int, list[str]]]:
    if b"\x00" in data:
        raise _not_text()
    encoding = detect_encoding(data, deadline)
    head = codecs.getincrementaldecoder(encoding)().decode(data[:65536])
    first_line = head.split("\n", 1)[0]
    semicolons, commas = first_line.count(";"), first_line.count(",")
    delimiter = ";" if semicolons and semicolons >= commas else ","
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    line = 0
    try:
        for line, values in enumerate(reader, start=1):
            yield line, values
    except csv.Error:
        raise refuse(
            _(
                "the row cannot be read as CSV (a quotation mark may be missing, or a cell is "
                "far too long)"
            ),
            line + 1,
            "",
        ) from None


def detect_encoding(data: bytes, deadline: Deadline) -> str:
    if _decodes(data, "utf-8-sig", deadline):
        return "utf-8-sig"
    high = data.translate(None, bytes(range(0x80)))
    if max(high) < 0xA0 and _DOS_LETTERS.intersection(high):
        return "cp865"
    return "cp1252" if _decodes(data, "cp1252", deadline) else "cp865"


def _decodes(data: bytes, encoding: str, deadline: Deadline) -> bool:
    """Checked in pieces over the whole file, keeping no decoded text."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        for start in range(0, len(view), _CHUNK):
            deadline.check()
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _not_xlsx() -> Exception:
    return refuse(_("The file cannot be read as an Excel workbook (XLSX); nothing was imported."))


def check_xlsx_zip(data: bytes, limits: Limits) -> None:
    """The parts of the zip, before any of it is decompressed: the ones a workbook needs, no
    more than _MAX_PARTS, and no part (nor all of them together) bigger or more compressed than
    the limits allow (zipfile never reads more than a part's declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _not_xlsx() from None
    names = {part.filename for part in parts}
    if len(parts) > _MAX_PARTS or not all(name in names for name in _XLSX_PARTS):
        raise _not_xlsx()
    total = sum(part.file_size for part in parts)
    ratio = max(
        (p.file_size / max(p.compress_size, 1) for p in parts if p.file_size > MB), default=0
    )
    if total > limits.max_unzipped or ratio > limits.max_ratio:
        raise refuse(
            _(
                "The workbook unpacks to more than %(size)s MB or is packed suspiciously "
                "tightly; nothing was imported."
            )
            % {"size": max(1, limits.max_unzipped // MB)}
        )


def _xlsx_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    check_xlsx_zip(data, limits)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any fault of a broken file is "not a workbook"
        raise _not_xlsx() from None
    try:
        sheet = book.active if hasattr(book.active, "reset_dimensions") else None
        sheet = sheet or next(iter(book.worksheets), None)
        if not hasattr(sheet, "reset_dimensions"):
            raise _not_xlsx()
        sheet.reset_dimensions()  # a declared A1:XFD1048576 would pad a million rows
        rows = sheet.iter_rows(values_only=True)
        line = 0
        while True:
            try:
                values = next(rows, None)
            except Exception:  # noqa: BLE001 - malformed sheet XML or cell values
                raise _not_xlsx() from None
            if values is None:
                return
            line += 1
            yield line, [_cell_text(value) for value in values]
    finally:
        book.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, float):
        return format(Decimal(str(value)), "f")  # via str: the float's shortest form
    return str(value)
