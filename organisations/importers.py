"""Imports of reference data about organisations (CSV or XLSX, read by
socialaftale.lib.tablefile within IMPORT_LIMITS). All or nothing, errors by row; values echoed
in a message are masked (no CPR-like digits) and shortened."""

import re
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from socialaftale.lib.imports import ImportRejected, RowError, check_length, echo, read_rows, refuse
from socialaftale.lib.models import upsert

from .models import Organisation, OrganisationKind, OrganisationUnit, PopulationFigure


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


@transaction.atomic
def import_parties(data: bytes) -> int:
    """Regions first, so municipalities can point at their region. Every region and
    municipality gets its default reporting unit (code = DST code)."""
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
    for _line, row in rows:
        row["kind"] = kind_of(row["kind"])
    ordered = sorted(rows, key=lambda pair: pair[1]["kind"] != OrganisationKind.REGION)
    for _line, row in ordered:
        organisation, _created, _changed = upsert(
            Organisation,
            {"code": row["code"]},
            {
                "name": row["name"],
                "short_name": short_name_of(row["name"]),
                "kind": row["kind"],
                "party_to_agreement": row["party_to_agreement"].lower() in YES,
                "region": _region(row.get("region_code", "")),
                **({"notes": row["notes"]} if "notes" in row else {}),  # kept if not in the file
            },
        )
        upsert(
            OrganisationUnit,
            {"code": organisation.code},
            {"organisation": organisation, "name": organisation.name, "is_default": True},
        )
    return len(rows)


def _region(text: str) -> Organisation | None:
    """By DST code (parties.csv) or by name (the register's download)."""
    if not text:
        return None
    return Organisation.objects.filter(Q(code=text) | Q(name__iexact=text)).first()


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


def import_population(
    data: bytes,
    *,
    reference_date: date,
    age_band: str,
    source: str,
    filename: str = "",
    command: bool = False,
) -> list[PopulationFigure]:
    """A CSV (or XLSX) with a header and two columns: municipality (name or DST code; "Kommune"
    as the downloads write it) and count (the second column may carry a descriptive name, as
    Danmarks Statistik extracts and the development-contribution download do). A municipality
    whose count is empty, as a download writes one without a figure, is left out."""
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
    with transaction.atomic():
        return [
            PopulationFigure.objects.update_or_create(
                organisation=organisation,
                reference_date=reference_date,
                age_band=age_band,
                defaults={"count": count, "source": source},
            )[0]
            for organisation, count in parsed
        ]
