"""What a refused upload says about itself, for every importer: the true number of errors
(every error is counted, however many), identical errors grouped ("1.224 rækker, kolonne
“kommune”: …; første række 2"), at most a screenful of groups on the page, and the errors one
by one (bounded) as a CSV file in the Danish Excel dialect (UTF-8 with BOM, `;`).

Nothing of a refused file is saved, so the CSV travels with the page that reports it, as a
`data:` link: no state on the server, nothing to clean up, and it holds only the errors' own
texts, which RowError has already masked (no CPR number can reach it).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .cpr import mask_cpr
from .danish import format_decimal
from .export import Sheet, csv_data_url, csv_text

MAX_DETAILS = 5_000  # errors kept one by one for the CSV; every error is counted
MAX_GROUPS = 1_000  # distinct (column, message) pairs kept; more are counted, not grouped
SHOWN_GROUPS = 8  # a screenful on the page; the CSV has the rest
SAMPLE_ROWS = 5  # a group lists its rows when it has at most this many
MAX_CSV_BYTES = 1_000_000  # a data: link stays well under Chromium's 2 MB limit for URLs


@dataclass(frozen=True)
class RowError:
    row: int  # the file's row number, header = 1; 0 = the file as a whole
    column: str
    message: str

    def __post_init__(self):
        object.__setattr__(self, "column", mask_cpr(str(self.column))[:80])
        object.__setattr__(self, "message", mask_cpr(str(self.message)))

    def __str__(self):
        return where(self.row, self.column, self.message)


@dataclass
class ErrorGroup:
    """Errors with the same column and message: how many, and the first rows they are in."""

    column: str
    message: str
    count: int = 0
    rows: list[int] = field(default_factory=list)

    def __str__(self):
        if self.count == 1 or not self.rows[0]:
            return where(self.rows[0], self.column, self.message)
        count = format_decimal(self.count)
        place = (
            _("%(count)s rows, column “%(column)s”") % {"count": count, "column": self.column}
            if self.column
            else _("%(count)s rows") % {"count": count}
        )
        if self.count <= SAMPLE_ROWS:
            rows = ", ".join(format_decimal(row) for row in self.rows)
            text = _("%(where)s: %(message)s (rows %(rows)s)")
        else:
            rows, text = (
                format_decimal(self.rows[0]),
                _("%(where)s: %(message)s; first row %(rows)s"),
            )
        return text % {"where": place, "message": self.message, "rows": rows}


def where(row: int, column: str, message: str) -> str:
    if not row:
        return message
    if not column:
        return _("Row %(row)s: %(message)s") % {"row": format_decimal(row), "message": message}
    return _("Row %(row)s, column “%(column)s”: %(message)s") % {
        "row": format_decimal(row),
        "column": column,
        "message": message,
    }


class ErrorReport:
    """Every error of one file: counted, grouped and (the first MAX_DETAILS) kept."""

    def __init__(self, errors=()):
        self.total = 0
        self.details: list = []
        self._groups: dict[tuple[str, str], ErrorGroup] = {}
        self.ungrouped = 0  # errors beyond MAX_GROUPS distinct kinds
        for error in errors:
            self.add(error)

    def __bool__(self) -> bool:
        return self.total > 0

    def __iter__(self):
        """The kept errors one by one, in the order they were found."""
        return iter(self.details)

    def add(self, error: RowError) -> None:
        self.add_error(error.row, error.column, error.message)

    def add_error(self, row: int, column: str, message: str) -> None:
        """Counted always; kept and grouped within the bounds. A RowError (which masks) is
        made only for what is kept, so a million bad rows stay cheap."""
        self.total += 1
        if len(self.details) < MAX_DETAILS:
            self.details.append(RowError(row, column, message))
        group = self._groups.get((column, message))
        if group is None and len(self._groups) < MAX_GROUPS:
            masked = RowError(row, column, message)
            group = self._groups[column, message] = ErrorGroup(masked.column, masked.message)
        if group is None:
            self.ungrouped += 1
            return
        group.count += 1
        if len(group.rows) < SAMPLE_ROWS:
            group.rows.append(row)

    @property
    def groups(self) -> list[ErrorGroup]:
        """The largest groups first; equal ones in the order of the file."""
        return sorted(self._groups.values(), key=lambda g: (-g.count, g.rows[0]))

    @property
    def shown_groups(self) -> list[ErrorGroup]:
        return self.groups[:SHOWN_GROUPS]

    @property
    def total_shown(self) -> str:
        return format_decimal(self.total)

    @property
    def hidden_count(self) -> int:
        """The errors the page does not show (in groups beyond the screenful)."""
        return self.total - sum(group.count for group in self.shown_groups)

    @property
    def hidden_shown(self) -> str:
        return format_decimal(self.hidden_count)

    def as_text(self, groups: int = 50) -> str:
        """For management commands: the count, then the largest `groups` groups."""
        lines = [_("Nothing was imported (%(count)s errors):") % {"count": self.total_shown}]
        lines += [str(group) for group in self.groups[:groups]]
        rest = self.total - sum(group.count for group in self.groups[:groups])
        if rest:
            lines.append(_("… and %(count)s more errors") % {"count": format_decimal(rest)})
        return "\n".join(lines)

    def csv_sheet(self) -> Sheet:
        """The errors one by one: Række;Kolonne;Fejl, in the portal's one CSV dialect
        (socialaftale.lib.export: UTF-8 with BOM, `;`, formulas written as text)."""
        rows, size = [], 0
        for error in self.details:
            if size > MAX_CSV_BYTES:
                break
            rows.append([error.row or None, error.column, error.message])
            size += len(error.column) + len(error.message) + 12
        if self.total > len(rows):
            rest = _(
                "… and %(count)s more errors, not listed here (the list holds the first %(listed)s)"
            ) % {
                "count": format_decimal(self.total - len(rows)),
                "listed": format_decimal(len(rows)),
            }
            rows.append([None, "", rest])
        return Sheet(title="fejl", headers=[_("Row"), _("Column"), _("Error")], rows=rows)

    def csv_bytes(self) -> bytes:
        return csv_text([self.csv_sheet()]).encode("utf-8")

    @property
    def csv_href(self) -> str:
        return csv_data_url([self.csv_sheet()])
