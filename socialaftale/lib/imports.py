"""Shared shape of all-or-nothing imports: collect every row error, then refuse or save
(socialaftale.lib.import_errors counts, groups and lists them for the page); and the one
reader every importer uses (CSV or XLSX, with limits checked while reading).

Every message built here or by an importer goes through RowError (defined with the report in
import_errors), which masks CPR-like digit runs (socialaftale.lib.cpr), so no message can echo
a CPR number from a file.
"""

import time
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace

from django.conf import settings
from django.utils.translation import gettext as _

from .cpr import mask_cpr, shown
from .import_errors import ErrorReport, RowError

MB = 1024 * 1024


class ImportRejected(Exception):
    """Raised with every error found (a list, or an ErrorReport that counted more than it
    kept); nothing has been saved. `report` counts and groups them for the page."""

    def __init__(self, errors: "list[RowError] | ErrorReport"):
        self.report = errors if isinstance(errors, ErrorReport) else ErrorReport(errors)
        self.errors = self.report.details
        super().__init__("; ".join(str(e) for e in self.errors[:5]))


def refuse(message: str, row: int = 0, column: str = "") -> ImportRejected:
    return ImportRejected([RowError(row, column, message)])


@dataclass(frozen=True)
class Limits:
    """How much an upload may hold; each is checked while the file is read."""

    max_bytes: int = 5 * MB
    max_rows: int = 20_000
    max_columns: int = 100
    max_cell: int = 10_000  # characters in one cell
    max_unzipped: int = 50 * MB  # XLSX: the uncompressed size of all its parts
    max_ratio: int = 200  # XLSX: uncompressed / compressed size of any part over 1 MB
    seconds: float = 20.0  # the deadline for reading and checking (gunicorn stops at 30 s)


def limits_for(kind: str, *, command: bool = False) -> Limits:
    """The limits for one kind of upload ("citizen_list", "offers", "population", "key",
    "parties"): Limits' defaults, then settings.IMPORT_LIMITS["default"], then
    settings.IMPORT_LIMITS[kind]. A management command (`command=True`) is not bound by the
    web server's timeout and gets settings.IMPORT_COMMAND_SECONDS instead."""
    configured = getattr(settings, "IMPORT_LIMITS", {})
    known = {f.name for f in fields(Limits)}
    values = {**configured.get("default", {}), **configured.get(kind, {})}
    limits = Limits(**{key: value for key, value in values.items() if key in known})
    if command:
        return replace(limits, seconds=getattr(settings, "IMPORT_COMMAND_SECONDS", 1800))
    return limits


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise refuse(
                _(
                    "Reading the file took longer than %(seconds)s seconds and was stopped; "
                    "nothing was imported. Split the file into smaller files."
                )
                % {"seconds": int(self.seconds)}
            )


def read_upload(file, limits: Limits) -> bytes:
    """The bytes of an uploaded file, refused before reading if it is too large."""
    if file.size > limits.max_bytes:
        raise too_large(limits)
    return file.read()


def read_file(path, limits: Limits) -> bytes:
    """The bytes of a file named on the command line, refused before reading if too large."""
    name = {"name": mask_cpr(str(path))}
    try:
        if path.stat().st_size > limits.max_bytes:
            raise too_large(limits)
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse(_("The file %(name)s does not exist.") % name) from None
    except OSError:
        raise refuse(_("The file %(name)s cannot be read.") % name) from None


def too_large(limits: Limits) -> ImportRejected:
    return refuse(
        _("The file is larger than %(size)s MB; nothing was imported.")
        % {"size": max(1, limits.max_bytes // MB)}
    )


def missing_columns(header: list[str], required: list[str], names: dict | None = None) -> None:
    """Refuse a header without the required columns, named as the export writes them."""
    shown_as: dict[str, str] = {}
    for written, internal in (names or {}).items():
        shown_as.setdefault(internal, written)  # the first name listed is the download's
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportRejected(
            [
                RowError(1, shown_as.get(name, name), _("the column is missing from the header"))
                for name in missing
            ]
        )


# The first cell of the sum row the portal's own downloads end a table with (lib/tables.py),
# alone or qualified ("I alt uden Læsø", Udviklingsbidrag).
TOTAL_ROW = frozenset({"i alt", "total"})


def is_total_row(first_cell: str) -> bool:
    text = first_cell.strip().lower()
    return text in TOTAL_ROW or text.startswith(tuple(f"{word} " for word in TOTAL_ROW))


def read_rows(
    data: bytes,
    required: list[str],
    *,
    kind: str,
    filename: str = "",
    command: bool = False,
    names: dict[str, str] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """(row number, row) pairs with lower-cased, stripped column names, from a CSV (',' or ';')
    or an XLSX, within the limits of `kind`. `names` maps the headers the portal's downloads
    write (lower-cased, e.g. "tilbud") to the importer's own (e.g. "name"), which are still
    accepted as they are; a sum row ("I alt") as the downloads end a table with is skipped.
    Raises ImportRejected naming missing columns or the first limit the file breaks."""
    from .tablefile import open_table

    table = open_table(data, filename, limits_for(kind, command=command))
    header = [(names or {}).get(name, name) for name in table.header]
    missing_columns(header, required, names)
    columns = list(enumerate(header))
    rows = []
    for line, cells in table.rows:
        if is_total_row(cells[0]):
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append((line, {name: cells[i].strip() for i, name in columns if name}))
    return rows


def check_length(line: int, column: str, value: str, max_length: int) -> RowError | None:
    """A value longer than its model field allows."""
    if len(value) <= max_length:
        return None
    return RowError(
        line, column, _("the value is longer than %(count)s characters") % {"count": max_length}
    )


def echo(value) -> str:
    """A value from the file as a message may show it: masked and shortened."""
    return shown(value)


def column_label(header: list[str], index: int) -> str:
    if index < len(header) and header[index]:
        return header[index]
    label, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        label = chr(65 + rest) + label
    return label


def iter_limited(rows: Iterator, header: list[str], limits: Limits, deadline: Deadline):
    """Rows (line, cells) checked against the row, column, cell and time limits."""
    for line, cells in rows:
        deadline.check()
        if line > limits.max_rows + 1:
            raise refuse(
                _("The file has more than %(count)s rows; nothing was imported.")
                % {"count": limits.max_rows}
            )
        if len(cells) > limits.max_columns:
            raise refuse(
                _("the row has more than %(count)s columns") % {"count": limits.max_columns},
                line,
                "",
            )
        for index, cell in enumerate(cells):
            if len(cell) > limits.max_cell:
                raise refuse(
                    _("the cell is longer than %(count)s characters") % {"count": limits.max_cell},
                    line,
                    column_label(header, index),
                )
        yield line, cells
