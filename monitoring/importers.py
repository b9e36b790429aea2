"""Import of a citizen list (SPEC §4.1): CSV (`;` or `,`, UTF-8 with/without BOM or
Windows-1252) or XLSX. Every row is checked first; any error and nothing is imported. CPR
numbers are hashed while reading and never leave this module in clear text."""

import codecs
import csv
import datetime as dt
import functools
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from offers.models import Offer
from organisations.models import Organisation, OrganisationUnit
from socialaftale.lib.danish import parse_decimal
from socialaftale.lib.imports import ImportRejected, RowError, decode_upload

from .pseudonyms import InvalidCitizenKey, citizen_key

COLUMNS = {"borger": "borger", "kommune": "kommune", "tilbud": "tilbud", "maaned": "maaned",
           "måned": "maaned", "udgift": "udgift"}  # fmt: skip
REQUIRED = ["borger", "kommune", "tilbud", "maaned", "udgift"]  # the row tuple's order
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MAX_ERRORS = 500  # enough to fix a file; the rest is summarised


@dataclass
class ParsedList:
    """The errors found so far (the first MAX_ERRORS in full, the rest counted)."""

    errors: list[RowError] = field(default_factory=list)
    error_total: int = 0

    def add_error(self, line: int, column: str, message: str) -> None:
        self.error_total += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(line, column, message))


def _records(data: bytes, filename: str) -> Iterator[tuple[int, tuple]]:
    """(line number, (borger, kommune, tilbud, maaned, udgift)) for each non-empty row."""
    if filename.lower().endswith(".xlsx"):
        yield from _xlsx_records(data)
        return
    # Read through the bytes without a decoded copy of the whole file (a list can be big).
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=_encoding(data), newline="")
    sample = decode_upload(bytes(memoryview(data)[:4096])) if data else ""
    reader = csv.reader(stream, delimiter=";" if sample.count(";") >= sample.count(",")
                        else ",")  # fmt: skip
    header = [COLUMNS.get(name.strip().lower(), name.strip().lower()) for name in next(reader, [])]
    positions = _positions(header)
    for line, values in enumerate(reader, start=2):
        if any(value.strip() for value in values):
            values += [""] * (len(header) - len(values))  # a short row: the rest is empty
            yield line, tuple(values[index] for index in positions)


def _encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM) if the whole file decodes as such, else Windows-1252 (as
    Excel on Danish Windows writes it); checked in pieces, keeping no decoded text."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    view = memoryview(data)
    try:
        for start in range(0, len(view), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _xlsx_records(data: bytes) -> Iterator[tuple[int, dict]]:
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    rows = sheet.iter_rows(values_only=True)
    header = [
        COLUMNS.get(str(name or "").strip().lower(), str(name or "")) for name in next(rows, [])
    ]
    positions = _positions(header)
    for line, values in enumerate(rows, start=2):
        if any(value not in (None, "") for value in values):
            cells = ["" if value is None else _cell_text(value) for value in values]
            cells += [""] * (len(header) - len(cells))
            yield line, tuple(cells[index] for index in positions)


def _cell_text(value) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m}"
    if isinstance(value, float):
        return format(Decimal(str(value)), "f")  # via str: the float's shortest form
    return str(value)


def _positions(header: list[str]) -> list[int]:
    """Where the required columns are (in REQUIRED order); refuses a header missing any."""
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportRejected([RowError(1, name, _("the column is missing from the header"))
                              for name in missing])  # fmt: skip
    return [header.index(name) for name in REQUIRED]


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


@functools.lru_cache(maxsize=1024)
def _month(text: str) -> dt.date | None:
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return dt.date(int(match[1]), int(match[2]), 1)


_DANISH_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{1,2}|\d+,\d{1,2}")


def _amount(text: str) -> Decimal | None:
    text = text.strip()
    try:
        # Fast path for the usual Danish "45.210,00"; everything else via parse_decimal.
        if _DANISH_AMOUNT.fullmatch(text):
            value = Decimal(text.replace(".", "").replace(",", "."))
        else:
            value = parse_decimal(text)
    except ValueError:
        return None
    return value if value >= 0 and value == value.quantize(Decimal("0.01")) else None


def _check_row(line, row, unit: OrganisationUnit, lookups: Lookups, keys: dict, parsed):
    """One row: pseudonymise the citizen, resolve municipality and offer, check month and
    amount. Returns the clean tuple or None (errors recorded on `parsed`)."""
    before = parsed.error_total
    raw, municipality_text, offer_text, month_text, amount_text = row
    citizen = keys.get(raw)
    if citizen is None:
        try:
            citizen = keys[raw] = citizen_key(raw)
        except InvalidCitizenKey as exc:
            parsed.add_error(line, "borger", _("invalid citizen key: %(reason)s") % {"reason": exc})
    municipality = lookups.municipality(municipality_text)
    if municipality is None:
        parsed.add_error(line, "kommune", _("unknown municipality “%(value)s”")
                         % {"value": municipality_text})  # fmt: skip
    elif municipality.id != unit.organisation_id:
        parsed.add_error(line, "kommune", _("%(name)s is not the uploading unit's municipality")
                         % {"name": municipality.short_name})  # fmt: skip
    offer = lookups.offer(offer_text)
    if offer is None:
        parsed.add_error(line, "tilbud", _("unknown offer “%(value)s”")
                         % {"value": offer_text})  # fmt: skip
    month = _month(month_text)
    if month is None:
        parsed.add_error(line, "maaned", _("“%(value)s” is not a month (YYYY-MM)")
                         % {"value": month_text})  # fmt: skip
    amount = _amount(amount_text)
    if amount is None:
        parsed.add_error(line, "udgift", _("“%(value)s” is not an amount of zero or more kroner")
                         % {"value": amount_text})  # fmt: skip
    if parsed.error_total > before:
        return None
    return citizen, municipality.id, offer, month, amount


def iter_citizen_rows(
    data: bytes, filename: str, unit: OrganisationUnit, report: ParsedList
) -> Iterator[tuple]:
    """The clean rows, one at a time, while every error is recorded on `report`: the caller
    streams them into the database and rolls back if `report` ends with errors. Memory grows
    with the number of distinct (citizen, offer, month) keys only, kept as small hashes."""
    lookups, keys, seen = Lookups.load(), {}, {}
    count = 0
    for line, row in _records(data, filename):
        clean = _check_row(line, row, unit, lookups, keys, report)
        if clean is None:
            continue
        identity = hash((clean[0], clean[2], clean[3]))
        if identity in seen:
            report.add_error(line, "borger", _("the same citizen, offer and month as row %(row)s")
                             % {"row": seen[identity]})  # fmt: skip
            continue
        seen[identity] = line
        count += 1
        yield clean
    if not count and not report.error_total:
        report.add_error(2, "borger", _("the file has no rows"))


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
