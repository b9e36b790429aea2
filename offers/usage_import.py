"""Import of a year's usage (places bought per offer and acting municipality) from a CSV
(UTF-8 with BOM, `;` or `,`, decimal comma) or an XLSX with the columns tilbud, kommune,
pladser and optionally forventet (ja/nej), read by socialaftale.lib.tablefile within
IMPORT_LIMITS["usage"].

All or nothing: every row is checked first (parse_usage); one error and nothing is saved.
usage_import then replaces the year's Usage rows with the file's in one transaction and writes
one audit entry. Values echoed in a message are masked (no CPR-like digits) and shortened.
"""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record
from organisations.models import Organisation
from socialaftale.lib.cpr import mask_cpr
from socialaftale.lib.danish import parse_decimal
from socialaftale.lib.imports import (
    ImportRejected,
    RowError,
    echo,
    limits_for,
    read_file,
    read_rows,
    read_upload,
    refuse,
)

from .models import Offer, Usage

KIND = "usage"
COLUMNS = ["tilbud", "kommune", "pladser"]
MAX_PLACES = Decimal("999999.99")  # Usage.places: 8 digits, 2 of them decimals
YES, NO = frozenset({"ja", "j", "yes", "1", "x"}), frozenset({"nej", "n", "no", "0", ""})


@dataclass(frozen=True)
class UsageRow:
    line: int
    offer_id: int
    municipality_id: int
    places: Decimal
    is_expected: bool


@dataclass
class UsageImportResult:
    added: int = 0
    changed: int = 0
    removed: int = 0


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _index(pairs) -> dict[str, set[int]]:
    """Normalised name -> the ids it names (more than one: ambiguous)."""
    index: dict[str, set[int]] = {}
    for key, pk in pairs:
        if key:
            index.setdefault(normalise(key), set()).add(pk)
    return index


def _lookups() -> tuple[dict, dict]:
    offers = _index(Offer.objects.values_list("name", "pk"))
    municipalities = Organisation.objects.municipalities()
    names = [
        (value, pk)
        for pk, name, short, code in municipalities.values_list("pk", "name", "short_name", "code")
        for value in {name, short, code}
    ]
    return offers, _index(names)


def _match(line, column, value, index, unknown, ambiguous) -> tuple[int | None, RowError | None]:
    ids = index.get(normalise(value), set())
    if len(ids) == 1:
        return next(iter(ids)), None
    message = ambiguous if ids else unknown
    return None, RowError(line, column, message % {"value": echo(value)})


def _places(line: int, text: str) -> tuple[Decimal | None, RowError | None]:
    try:
        places = parse_decimal(text)
    except ValueError:
        message = _("“%(value)s” is not a number") % {"value": echo(text)}
        return None, RowError(line, "pladser", message)
    if places < 0:
        return None, RowError(line, "pladser", _("the number of places cannot be negative"))
    if places > MAX_PLACES or places != places.quantize(Decimal("0.01")):
        message = _("the number of places must be below 1,000,000 with at most two decimals")
        return None, RowError(line, "pladser", message)
    return places, None


def _expected(line: int, text: str) -> tuple[bool, RowError | None]:
    value = text.strip().casefold()
    if value in YES or value in NO:
        return value in YES, None
    message = _("“%(value)s” is not ja or nej") % {"value": echo(text)}
    return False, RowError(line, "forventet", message)


def _check_row(line: int, row: dict, offers: dict, municipalities: dict):
    offer_id, offer_error = _match(
        line,
        "tilbud",
        row["tilbud"],
        offers,
        _("unknown offer “%(value)s”"),
        _("more than one offer is called “%(value)s”"),
    )
    municipality_id, municipality_error = _match(
        line,
        "kommune",
        row["kommune"],
        municipalities,
        _("unknown municipality “%(value)s”"),
        _("“%(value)s” names more than one municipality"),
    )
    places, places_error = _places(line, row["pladser"])
    expected, expected_error = _expected(line, row.get("forventet", ""))
    errors = [e for e in (offer_error, municipality_error, places_error, expected_error) if e]
    if errors:
        return None, errors
    return UsageRow(line, offer_id, municipality_id, places, expected), []


def parse_usage(data: bytes, *, filename: str = "", command: bool = False) -> list[UsageRow]:
    """Every row checked, nothing written: the rows to save, or ImportRejected naming every
    bad row and field."""
    rows = read_rows(data, COLUMNS, kind=KIND, filename=filename, command=command)
    offers, municipalities = _lookups()
    checked, errors, seen = [], [], {}
    for line, row in rows:
        usage, row_errors = _check_row(line, row, offers, municipalities)
        errors += row_errors
        if usage is None:
            continue
        key = (usage.offer_id, usage.municipality_id)
        if key in seen:
            message = _("the offer and municipality also appear in row %(row)s") % {
                "row": seen[key]
            }
            errors.append(RowError(line, "kommune", message))
        seen.setdefault(key, line)
        checked.append(usage)
    if not rows:
        errors.append(RowError(2, "tilbud", _("the file has no rows")))
    if errors:
        raise ImportRejected(errors)
    return checked


def _read(file, command: bool) -> tuple[bytes, str]:
    limits = limits_for(KIND, command=command)
    if isinstance(file, str | Path):
        path = Path(file)
        return read_file(path, limits), path.name
    return read_upload(file, limits), Path(getattr(file, "name", "") or "").name


@transaction.atomic
def _replace(year: int, rows: list[UsageRow]) -> UsageImportResult:
    result = UsageImportResult()
    existing = {
        (u.offer_id, u.acting_municipality_id): u
        for u in Usage.objects.select_for_update().filter(year=year)
    }
    for row in rows:
        usage = existing.pop((row.offer_id, row.municipality_id), None)
        if usage is None:
            Usage.objects.create(
                offer_id=row.offer_id,
                year=year,
                acting_municipality_id=row.municipality_id,
                places=row.places,
                is_expected=row.is_expected,
            )
            result.added += 1
        elif (usage.places, usage.is_expected) != (row.places, row.is_expected):
            usage.places, usage.is_expected = row.places, row.is_expected
            usage.save(update_fields=["places", "is_expected"])
            result.changed += 1
    for usage in existing.values():
        usage.delete()
        result.removed += 1
    return result


def usage_import(file, year: int, actor, *, command: bool = False) -> UsageImportResult:
    """Replace `year`'s usage with the file's (an upload or a path), all or nothing; raises
    ImportRejected (nothing saved) on any error. One audit entry names file, year and counts."""
    if not 1900 <= year <= 2100:
        raise refuse(_("The year %(year)s is not a valid year.") % {"year": year})
    data, name = _read(file, command)
    rows = parse_usage(data, filename=name, command=command)
    with transaction.atomic():
        result = _replace(year, rows)
        record(Action.IMPORTED, actor=actor, summary=summary(mask_cpr(name), year, result))
    return result


def summary(name: str, year: int, result: UsageImportResult) -> str:
    """In Danish whatever the request's language: the audit log is read in Danish."""
    with translation.override("da"):
        return _(
            "Usage for %(year)s imported from %(name)s: %(added)s added, %(changed)s changed, "
            "%(removed)s removed."
        ) % {
            "year": year,
            "name": name or "-",
            "added": result.added,
            "changed": result.changed,
            "removed": result.removed,
        }
