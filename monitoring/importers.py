"""Import of a citizen list (SPEC §4.1): CSV (`;` or `,`; UTF-8 with/without BOM, Windows-1252
or DOS code page 865) or XLSX, read by socialaftale.lib.tablefile within the limits of
IMPORT_LIMITS["citizen_list"]. Every row is checked first; any error and nothing is imported.
CPR numbers are hashed while reading and never leave this module in clear text; every value a
message echoes goes through `echo`, which masks CPR-like digits."""

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from offers.models import Offer
from organisations.models import Organisation, OrganisationUnit
from socialaftale.lib.danish import parse_decimal
from socialaftale.lib.import_errors import ErrorReport
from socialaftale.lib.imports import Limits, echo, missing_columns
from socialaftale.lib.tablefile import open_table

from .pseudonyms import InvalidCitizenKey, citizen_key

COLUMNS = {"måned": "maaned"}  # other spellings of the columns' names
REQUIRED = ["borger", "kommune", "tilbud", "maaned", "udgift"]  # the row tuple's order
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)


def _records(data: bytes, filename: str, limits: Limits) -> Iterator[tuple[int, tuple]]:
    """(row number, (borger, kommune, tilbud, maaned, udgift)) for each non-empty row."""
    table = open_table(data, filename, limits)
    header = [COLUMNS.get(name, name) for name in table.header]
    missing_columns(header, REQUIRED)
    positions = [header.index(name) for name in REQUIRED]
    width = max(positions) + 1
    for line, values in table.rows:
        values += [""] * (width - len(values))  # a short row: the rest is empty
        yield line, tuple(values[index] for index in positions)


@dataclass
class Lookups:
    municipalities: dict[str, Organisation]
    offers: dict[str, int]

    @classmethod
    def load(cls) -> "Lookups":
        municipalities = {}
        for organisation in Organisation.objects.municipalities():
            for name in (organisation.code, organisation.short_name, organisation.name):
                municipalities[name.lower()] = organisation
        offers = {}
        for pk, name in Offer.objects.values_list("pk", "name"):
            offers[name.lower()] = offers[str(pk)] = pk
        return cls(municipalities, offers)

    def municipality(self, text: str) -> Organisation | None:
        found = self.municipalities.get(text)  # the usual case: exactly as written before
        if found is None:
            found = self.municipalities.get(text.strip().lower())
            if found is not None:
                self.municipalities[text] = found
        return found

    def offer(self, text: str) -> int | None:
        found = self.offers.get(text)
        if found is None:
            found = self.offers.get(text.strip().lower())
            if found is not None:
                self.offers[text] = found
        return found


FIRST_YEAR = 2000  # a month before this, or after next year, is a typing error


def _month(text: str) -> dt.date | None:
    """YYYY-MM from 2000 through next year."""
    return _month_until(text, timezone.localdate().year + 1)


@functools.lru_cache(maxsize=1024)
def _month_until(text: str, last_year: int) -> dt.date | None:
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    if not FIRST_YEAR <= int(match[1]) <= last_year:
        return None
    return dt.date(int(match[1]), int(match[2]), 1)


_DANISH_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{1,2}|\d+,\d{1,2}", re.ASCII)
MAX_AMOUNT = Decimal(10) ** 12  # CitizenMonth.amount: 14 digits, 2 of them decimals
_AMOUNT_CHARACTERS = 40  # "999.999.999.999,99" is 18; anything much longer is not an amount


def _amount(text: str) -> Decimal | None:
    """Zero or more kroner in øre, below MAX_AMOUNT; None for anything else."""
    text = text.strip()
    if len(text) > _AMOUNT_CHARACTERS or not text.isascii():
        return None
    try:
        # Fast path for the usual Danish "45.210,00"; everything else via parse_decimal.
        if _DANISH_AMOUNT.fullmatch(text):
            value = Decimal(text.replace(".", "").replace(",", "."))
        else:
            value = parse_decimal(text)
    except ValueError:
        return None
    if not value.is_finite() or not 0 <= value < MAX_AMOUNT:
        return None
    return value if value == value.quantize(Decimal("0.01")) else None


def _check_citizen(line, raw, keys: dict, parsed):
    citizen = keys.get(raw)
    if citizen is None:
        try:
            citizen = keys[raw] = citizen_key(raw)
        except InvalidCitizenKey as exc:
            message = _("invalid citizen key: %(reason)s") % {"reason": exc}
            parsed.add_error(line, "borger", message)
    return citizen


def _check_municipality(line, text, unit, lookups: Lookups, parsed):
    municipality = lookups.municipality(text)
    if municipality is None:
        message = _("unknown municipality “%(value)s”") % {"value": echo(text)}
        parsed.add_error(line, "kommune", message)
    elif municipality.id != unit.organisation_id:
        message = _("the municipality is %(name)s, not %(unit)s, the uploading unit's") % {
            "name": municipality.short_name,
            "unit": unit.organisation.name,
        }
        parsed.add_error(line, "kommune", message)
        return None
    return municipality


def _check_row(line, row, unit: OrganisationUnit, lookups: Lookups, keys: dict, parsed):
    """One row: pseudonymise the citizen, resolve municipality and offer, check month and
    amount. Returns the clean tuple or None (errors recorded on `parsed`)."""
    before = parsed.total
    raw, municipality_text, offer_text, month_text, amount_text = row
    citizen = _check_citizen(line, raw, keys, parsed)
    municipality = _check_municipality(line, municipality_text, unit, lookups, parsed)
    offer = lookups.offer(offer_text)
    if offer is None:
        message = _("unknown offer “%(value)s”") % {"value": echo(offer_text)}
        parsed.add_error(line, "tilbud", message)
    month = _month(month_text)
    if month is None:
        message = _("“%(value)s” is not a month (YYYY-MM) from 2000 through next year") % {
            "value": echo(month_text)
        }
        parsed.add_error(line, "maaned", message)
    amount = _amount(amount_text)
    if amount is None:
        message = _("“%(value)s” is not an amount of zero or more kroner below 1,000 billion") % {
            "value": echo(amount_text)
        }
        parsed.add_error(line, "udgift", message)
    if parsed.total > before:
        return None
    return citizen, municipality.id, offer, month, amount


def iter_citizen_rows(
    data: bytes, filename: str, unit: OrganisationUnit, report: ErrorReport, limits: Limits
) -> Iterator[tuple]:
    """The clean rows, one at a time, while every error is counted on `report` (and the
    first ErrorReport.MAX_DETAILS kept): the caller
    streams them into the database and rolls back if `report` ends with errors. Memory grows
    with the number of distinct (citizen, offer, month) keys only, kept as small hashes."""
    lookups, keys, seen = Lookups.load(), {}, {}
    count = 0
    for line, row in _records(data, filename, limits):
        clean = _check_row(line, row, unit, lookups, keys, report)
        if clean is None:
            continue
        identity = hash((clean[0], clean[2], clean[3]))
        if identity in seen:
            message = _("the same citizen, offer and month as row %(row)s") % {
                "row": seen[identity]
            }
            report.add_error(line, "borger", message)
            continue
        seen[identity] = line
        count += 1
        yield clean
    if not count and not report.total:
        report.add_error(2, "borger", _("the file has no rows"))


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
