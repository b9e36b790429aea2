"""Import of offers from a CSV (or XLSX) in the format of the published offer list
(offers.csv), read by socialaftale.lib.tablefile within IMPORT_LIMITS["offers"].

All or nothing: every row is checked here and returned as plain rows; one error and nothing is
returned. offers.services.offer_import saves the rows in one transaction. Values echoed in a
message are masked (no CPR-like digits) and shortened.
"""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from organisations.models import Organisation
from socialaftale.lib.imports import ImportRejected, RowError, check_length, echo, read_rows

from .models import OfferStatus
from .parsing import classify_target_group, parse_legal_basis

COLUMNS = ["name", "operator", "target_group", "legal_basis", "places_as_written", "status"]
# The catalogue download's headers (offers/tables.py) -> the columns above; the English names
# of offers.csv are accepted too.
HEADERS = {
    "tilbud": "name",
    "driftsherre": "operator",
    "målgruppe": "target_group",
    "lovgrundlag": "legal_basis",
    "pladser som angivet": "places_as_written",
    "pladser som skrevet": "places_as_written",
    "status": "status",
    "åbner": "opens",
    "noter": "notes",
}
_OPENS = re.compile(r"^(?P<year>\d{4})(-(?P<month>\d{2}))?$", re.ASCII)
# The model's CharField lengths; the rest are text fields, bounded by the cell limit.
MAX_LENGTHS = {"name": 200, "legal_basis": 200, "places_as_written": 200}


@dataclass(frozen=True)
class OfferRow:
    """One checked row of the file: the offer's fields by name (only the columns the file
    has), its target groups and legal bases, and its places as written."""

    name: str
    values: dict
    target_group_slugs: tuple[str, ...]
    legal_basis_codes: tuple[str, ...]
    places_as_written: str


def find_organisation(value: str, organisations: list[Organisation]) -> Organisation | None:
    wanted = value.strip().lower()
    for organisation in organisations:
        names = {organisation.name.lower(), organisation.short_name.lower(), organisation.code}
        if wanted in names:
            return organisation
    return None


def _check_row(line: int, row: dict, organisations, seen: set) -> list[RowError]:
    errors = [
        error
        for column, length in MAX_LENGTHS.items()
        if (error := check_length(line, column, row.get(column, ""), length))
    ]
    name = row.get("name", "")
    if not name:
        errors.append(RowError(line, "name", _("the offer has no name")))
    elif name.lower() in seen:
        errors.append(RowError(line, "name", _("the offer appears twice in the file")))
    seen.add(name.lower())
    if not find_organisation(row.get("operator", ""), organisations):
        message = _("unknown operator “%(value)s”") % {"value": echo(row.get("operator", ""))}
        errors.append(RowError(line, "operator", message))
    if status_of(row.get("status", "")) is None:
        message = _("unknown status “%(value)s” (allowed: %(allowed)s)") % {
            "value": echo(row["status"]),
            "allowed": ", ".join(str(label) for label in OfferStatus.labels),
        }
        errors.append(RowError(line, "status", message))
    opens = row.get("opens", "")
    match = _OPENS.match(opens)
    if opens and not (match and 1 <= int(match["month"] or 1) <= 12 and _year_ok(match)):
        message = _("“%(value)s” is not a year (YYYY) or a month (YYYY-MM)") % {
            "value": echo(opens)
        }
        errors.append(RowError(line, "opens", message))
    return errors


def status_of(text: str) -> str | None:
    """A status as the catalogue writes it (its Danish or English label) or as its code; an
    empty cell is an active offer."""
    wanted = text.strip().lower()
    if not wanted:
        return OfferStatus.ACTIVE
    for value, label in OfferStatus.choices:
        with translation.override("da"):
            danish = str(label).lower()
        with translation.override("en"):
            english = str(label).lower()
        if wanted in (value, danish, english):
            return value
    return None


def _year_ok(match) -> bool:
    return 1900 <= int(match["year"]) <= 2100


def _offer_row(row: dict, organisations) -> OfferRow:
    operator = find_organisation(row["operator"], organisations)
    slugs, age_group = classify_target_group(row["target_group"])
    return OfferRow(
        name=row["name"],
        values={
            "operator_id": operator.pk,
            "location_municipality_id": operator.pk if operator.is_municipality else None,
            "status": status_of(row["status"]),
            "target_group_text": row["target_group"],
            "age_group": age_group or "",
            "legal_basis_text": row["legal_basis"],
            **_optional(row),
        },
        target_group_slugs=tuple(slugs),
        legal_basis_codes=tuple(parse_legal_basis(row["legal_basis"])),
        places_as_written=row["places_as_written"],
    )


def _optional(row: dict) -> dict:
    """Opening and notes only from a file that has their columns: the catalogue download has
    no notes, and re-importing it must not wipe them."""
    values = {}
    if "opens" in row:
        match = _OPENS.match(row["opens"])
        values["opening_year"] = int(match["year"]) if match else None
        values["opening_month"] = int(match["month"]) if match and match["month"] else None
    if "notes" in row:
        values["notes"] = row["notes"]
    return values


def parse_offers(data: bytes, *, filename: str = "", command: bool = False) -> list[OfferRow]:
    """Every row checked, nothing written: the rows to save (offers.services.offer_import), or
    ImportRejected naming every bad row."""
    rows = read_rows(
        data, COLUMNS, kind="offers", filename=filename, command=command, names=HEADERS
    )
    organisations = list(Organisation.objects.all())
    seen: set[str] = set()
    errors = [e for line, row in rows for e in _check_row(line, row, organisations, seen)]
    if not rows:
        errors.append(RowError(2, "name", _("the file has no rows")))
    if errors:
        raise ImportRejected(errors)
    return [_offer_row(row, organisations) for _line, row in rows]
