"""Distribution keys from CSV or XLSX (`party,weight`, or `Part;Vægt` as a scheme's download
writes them), read by socialaftale.lib.tablefile
within IMPORT_LIMITS["key"]: all or nothing, errors by row; values echoed in a message are
masked (no CPR-like digits) and shortened."""

from decimal import Decimal

from django.utils.translation import gettext as _

from organisations.models import Organisation
from socialaftale.lib.danish import parse_decimal
from socialaftale.lib.imports import ImportRejected, RowError, echo, read_rows

MAX_WEIGHT = Decimal(10) ** 12  # DistributionKeyRow.weight: 16 digits, 4 of them decimals
MAX_PARTY = 200
# The financing scheme download's headers (tariffs/selectors.py) -> the key's own columns,
# which are still accepted; "Kommune" for a list by municipality.
KEY_HEADERS = {"part": "party", "vægt": "weight", "kommune": "party"}


class InvalidWeight(ValueError):
    pass


def parse_weight(text: str) -> Decimal:
    """A weight of zero or more below MAX_WEIGHT (Danish or plain number). Raises InvalidWeight
    with a translated message that shows the value masked and shortened."""
    try:
        weight = parse_decimal(text[:40])
    except ValueError:
        weight = None
    if weight is None or len(text) > 40 or not text.isascii():
        raise InvalidWeight(_("the weight “%(value)s” is not a number") % {"value": echo(text)})
    if weight < 0:
        raise InvalidWeight(_("the weight must not be negative"))
    if weight >= MAX_WEIGHT:
        raise InvalidWeight(_("the weight must be below 1,000 billion"))
    return weight


def read_key_rows(
    data: bytes, *, filename: str = "", command: bool = False
) -> list[tuple[int, str, Decimal]]:
    """(line, party as written, weight) in file order; Danish or plain numbers."""
    rows, errors = [], []
    table = read_rows(
        data, ["party", "weight"], kind="key", filename=filename, command=command, names=KEY_HEADERS
    )
    for line, row in table:
        if len(row["party"]) > MAX_PARTY:
            errors.append(RowError(line, "party", _("the party's name is too long")))
        try:
            weight = parse_weight(row["weight"])
        except InvalidWeight as exc:
            errors.append(RowError(line, "weight", str(exc)))
            continue
        rows.append((line, row["party"], weight))
    if not rows and not errors:
        errors.append(RowError(2, "party", _("the file has no rows")))
    if errors:
        raise ImportRejected(errors)
    return rows


def match_parties(rows: list[tuple[int, str, Decimal]]) -> list[tuple[Organisation, Decimal]]:
    """Parties by name, short name or DST code; unknown or repeated parties are errors."""
    known = {}
    for organisation in Organisation.objects.exclude(kind="private"):
        for name in (organisation.name, organisation.short_name, organisation.code):
            known[name.lower()] = organisation
    matched, errors, seen = [], [], set()
    for line, party, weight in rows:
        organisation = known.get(party.strip().lower())
        if organisation is None:
            errors.append(
                RowError(line, "party", _("unknown party “%(value)s”") % {"value": echo(party)})
            )
        elif organisation.pk in seen:
            errors.append(
                RowError(line, "party", _("“%(value)s” appears twice") % {"value": echo(party)})
            )
        else:
            seen.add(organisation.pk)
            matched.append((organisation, weight))
    if errors:
        raise ImportRejected(errors)
    return matched
