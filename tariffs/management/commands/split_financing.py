"""Split an amount by a distribution key file (SPEC §3.3), e.g. Socialtilsyn Nord's budget."""

import json
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialaftale.lib.cpr import has_cpr_like, mask_cpr
from socialaftale.lib.danish import format_decimal, parse_decimal
from socialaftale.lib.export import Sheet, csv_text
from socialaftale.lib.imports import ImportRejected, limits_for, read_file, read_rows
from socialaftale.lib.money import round_half_up
from tariffs.calculations import CalculationError, Split, split_by_key
from tariffs.importers import KEY_HEADERS, MAX_PARTY, InvalidWeight, parse_weight

KEY_COLUMNS = ("party", "weight")
SHARE_DECIMALS = 10  # enough to recompute every published amount from the share


def read_key(path: Path) -> list[tuple[str, Decimal]]:
    """(party, weight) pairs in file order; any fault is a one-line Danish CommandError that
    never repeats a CPR-like value from the file."""
    if not path.exists():
        raise CommandError(f"Nøglefilen findes ikke: {mask_cpr(str(path))}")
    try:
        limits = limits_for("key", command=True)
        data = read_file(path, limits)
        rows = read_rows(data, ["party", "weight"], kind="key", command=True, names=KEY_HEADERS)
    except ImportRejected as rejected:
        named = {KEY_HEADERS.get(e.column, e.column) for e in rejected.errors if e.row == 1}
        missing = [column for column in KEY_COLUMNS if column in named]
        if missing:
            raise CommandError(
                f"Nøglefilen skal have overskriften party,weight (mangler: {', '.join(missing)})."
            ) from None
        raise CommandError(f"Nøglefilen kan ikke bruges: {rejected.errors[0]}") from None
    return [_key_row(line, row) for line, row in rows]


def _key_row(line: int, row: dict[str, str]) -> tuple[str, Decimal]:
    if not row.get("party"):
        raise CommandError(f"Række {line} i nøglefilen: navnet på parten mangler.")
    if len(row["party"]) > MAX_PARTY:
        raise CommandError(f"Række {line} i nøglefilen: navnet på parten er for langt.")
    if has_cpr_like(row["party"]):
        # The table repeats every party's name: a CPR-like one is refused, never printed.
        raise CommandError(f"Række {line} i nøglefilen: navnet på parten ligner et CPR-nummer.")
    try:
        weight = parse_weight(row.get("weight", ""))
    except InvalidWeight as exc:
        raise CommandError(f"Række {line} i nøglefilen: {exc}.") from None
    return row["party"], weight


def _share(value: Decimal) -> Decimal:
    return round_half_up(value, SHARE_DECIMALS)


def render_json(split: Split) -> str:
    rows = [
        {
            "party": row.party,
            "weight": str(row.weight),
            "share": str(_share(row.share)),
            "share_pct": str(row.share_pct),
            "amount": str(row.amount),
        }
        for row in split.rows
    ]
    data = {"total": str(split.total), "rows": rows, "sum": str(split.sum), "method": split.method}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(split: Split) -> str:
    """The portal's one CSV dialect (socialaftale.lib.export), so `> fordeling.csv` opens in
    Excel and can be read back as a key."""
    rows = [
        [row.party, row.weight, _share(row.share), row.share_pct, row.amount] for row in split.rows
    ]
    weights = sum((row.weight for row in split.rows), Decimal(0))
    pct = sum((row.share_pct for row in split.rows), Decimal(0))
    rows.append(["I alt", weights, _share(Decimal(1)), pct, split.sum])
    headers = ["party", "weight", "share", "share_pct", "amount"]
    return csv_text([Sheet(title="fordeling", headers=headers, rows=rows)])


def _places(value: Decimal) -> int:
    return max(0, -value.as_tuple().exponent)


def _cells(line: tuple[str, ...], widths: list[int]) -> list[str]:
    """Party left-aligned, numbers right-aligned, as in the published tables."""
    return [line[0].ljust(widths[0])] + [
        cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
    ]


def render_table(split: Split) -> str:
    weights = sum((row.weight for row in split.rows), Decimal(0))
    lines = [("Part", "Vægt", "Andel", "Beløb (kr.)")]
    lines += [
        (
            row.party,
            format_decimal(row.weight, _places(row.weight)),
            format_decimal(row.share_pct, 1) + " %",
            format_decimal(row.amount, split.decimals),
        )
        for row in split.rows
    ]
    pct = sum((row.share_pct for row in split.rows), Decimal(0))
    total_line = ("I alt", format_decimal(weights, _places(weights)), format_decimal(pct, 1) + " %")
    lines.append((*total_line, format_decimal(split.sum, split.decimals)))
    widths = [max(len(line[i]) for line in lines) for i in range(4)]
    text = ["  ".join(_cells(line, widths)) for line in lines]
    return "\n".join([*text, "", split.method]) + "\n"


RENDERERS = {"json": render_json, "csv": render_csv, "table": render_table}


def _parse_decimals(text: str) -> int:
    if text.strip() not in ("0", "1", "2"):
        raise CommandError(f"--decimals skal være 0, 1 eller 2 (fik »{text}«).")
    return int(text)


class Command(BaseCommand):
    help = (
        "Fordeler et beløb efter en fordelingsnøgle (CSV med kolonnerne party,weight), "
        "afrundet med største-rest-metoden, så delene summer til beløbet."
    )
    requires_system_checks = []  # pure arithmetic on a file; nothing to check

    def add_arguments(self, parser):
        parser.add_argument("--total", required=True, help="Beløbet, fx 19209757 eller 19.209.757")
        parser.add_argument("--key", required=True, type=Path, help="CSV med party,weight")
        parser.add_argument("--decimals", default="0", help="Decimaler i beløbene: 0, 1 eller 2")
        parser.add_argument(
            "--format", choices=sorted(RENDERERS), default="table", dest="output_format"
        )

    def handle(self, *args, total, key, decimals, output_format, **options):
        try:
            amount = parse_decimal(total)
        except ValueError as exc:
            raise CommandError(f"--total: {exc}.") from exc
        places = _parse_decimals(decimals)
        weights = read_key(key)
        try:
            split = split_by_key(amount, weights, decimals=places)
        except CalculationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(RENDERERS[output_format](split), ending="")
