"""Imports of reference data about organisations (CSV or XLSX, read by
socialaftale.lib.tablefile within IMPORT_LIMITS): every row is checked here and returned as
plain rows, or refused with the errors by row (values echoed in a message are masked, no
CPR-like digits, and shortened); organisations.services saves the rows in one transaction."""

import re

from django.utils import translation
from django.utils.translation import gettext as _

from socialaftale.lib.imports import ImportRejected, RowError, check_length, echo, read_rows, refuse

from .models import Organisation, OrganisationKind


def short_name_of(name: str) -> str:
    """ "Aalborg Kommune" -> "Aalborg"; regions keep their full name."""
    return name.removesuffix(" Kommune")


# Danish headers -> the importers' own (parties.csv, DST extracts), which are still accepted.
PARTY_HEADERS = {
    "dst-kode": "code",
    "kode": "code",
    "navn": "name",
    "type": "kind",
    "region": "region_code",
    "part i rammeaftalen": "party_to_agreement",
    "noter": "notes",
}
POPULATION_HEADERS = {"kommune": "municipality"}
YES = frozenset({"yes", "ja"})


def kind_of(text: str) -> str | None:
    """A kind as its code or its Danish or English label ("Kommune", "municipality")."""
    wanted = text.strip().lower()
    for value, label in OrganisationKind.choices:
        with translation.override("da"):
            danish = str(label).lower()
        with translation.override("en"):
            english = str(label).lower()
        if wanted in (value, danish, english):
            return value
    return None


def parse_parties(data: bytes) -> list[dict]:
    """The checked rows of a parties file, regions first (so municipalities can point at their
    region): the organisations' fields by name and the region as written; nothing written
    (organisations.services.parties_import saves them)."""
    required = ["code", "name", "kind", "party_to_agreement"]
    rows = read_rows(data, required, kind="parties", names=PARTY_HEADERS)
    errors = [
        RowError(line, "kind", _("unknown kind “%(value)s”") % {"value": echo(row["kind"])})
        for line, row in rows
        if kind_of(row["kind"]) is None
    ]
    errors += [
        error
        for line, row in rows
        for column, length in (("code", 10), ("name", 100))
        if (error := check_length(line, column, row[column], length))
    ]
    if errors:
        raise ImportRejected(errors)
    parties = [_party(row) for _line, row in rows]
    return sorted(parties, key=lambda party: party["kind"] != OrganisationKind.REGION)


def _party(row: dict) -> dict:
    return {
        "code": row["code"],
        "name": row["name"],
        "short_name": short_name_of(row["name"]),
        "kind": kind_of(row["kind"]),
        "party_to_agreement": row["party_to_agreement"].lower() in YES,
        "region": row.get("region_code", ""),
        **({"notes": row["notes"]} if "notes" in row else {}),  # kept if not in the file
    }


_COUNT = re.compile(r"[0-9]{1,10}")
MAX_COUNT = 100_000_000  # more people than Denmark has is a typing error


def _parse_count(line: int, value: str, column: str) -> tuple[int | None, RowError | None]:
    digits = value.replace(".", "").replace(" ", "")
    if not _COUNT.fullmatch(digits) or int(digits) > MAX_COUNT:
        message = _("“%(value)s” is not a whole, non-negative number of people") % {
            "value": echo(value)
        }
        return None, RowError(line, column, message)
    return int(digits), None


def parse_population(
    data: bytes, *, age_band: str, source: str, filename: str = "", command: bool = False
) -> list[tuple[Organisation, int]]:
    """A CSV (or XLSX) with a header and two columns: municipality (name or DST code; "Kommune"
    as the downloads write it) and count (the second column may carry a descriptive name, as
    Danmarks Statistik extracts and the development-contribution download do). A municipality
    whose count is empty, as a download writes one without a figure, is left out. Returns the
    checked (municipality, count) pairs; organisations.services.population_import saves them."""
    if len(age_band) > 20 or len(source) > 300:
        raise refuse(_("The age band may have 20 characters and the source 300."))
    rows = read_rows(
        data,
        ["municipality"],
        kind="population",
        filename=filename,
        command=command,
        names=POPULATION_HEADERS,
    )
    known = {o.short_name.lower(): o for o in Organisation.objects.exclude(kind="private")}
    known |= {o.name.lower(): o for o in known.values()} | {o.code: o for o in known.values()}
    errors, parsed = [], []
    for line, row in rows:
        values = list(row.values())
        if len(values) > 1 and not values[1]:
            continue  # no figure for this municipality: nothing to record
        organisation = known.get(row["municipality"].lower())
        if organisation is None:
            message = _("unknown municipality “%(value)s”") % {"value": echo(row["municipality"])}
            errors.append(RowError(line, "municipality", message))
        column = list(row)[1] if len(row) > 1 else "count"
        count, error = _parse_count(line, values[1] if len(values) > 1 else "", column)
        errors += [error] if error else []
        parsed.append((organisation, count))
    if errors or not parsed:
        raise ImportRejected(errors or [RowError(2, "municipality", _("the file has no rows"))])
    return parsed
