"""Distribution keys from CSV (`party,weight`): all or nothing, errors by row."""

from decimal import Decimal

from django.utils.translation import gettext as _

from organisations.models import Organisation
from socialaftale.lib.danish import parse_decimal
from socialaftale.lib.imports import ImportRejected, RowError, decode_upload, read_csv_rows


def read_key_rows(data: bytes) -> list[tuple[int, str, Decimal]]:
    """(line, party as written, weight) in file order; Danish or plain numbers."""
    rows, errors = [], []
    for line, row in read_csv_rows(decode_upload(data), ["party", "weight"]):
        try:
            weight = parse_decimal(row["weight"])
        except ValueError as exc:
            errors.append(RowError(line, "weight", str(exc)))
            continue
        if weight < 0:
            errors.append(RowError(line, "weight", _("the weight cannot be negative")))
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
                RowError(line, "party", _("unknown party “%(value)s”") % {"value": party})
            )
        elif organisation.pk in seen:
            errors.append(
                RowError(line, "party", _("“%(value)s” appears twice") % {"value": party})
            )
        else:
            seen.add(organisation.pk)
            matched.append((organisation, weight))
    if errors:
        raise ImportRejected(errors)
    return matched
