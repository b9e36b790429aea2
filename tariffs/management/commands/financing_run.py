"""The budget run of a year on the command line (SPEC §3.3): every objective-financing scheme
of the budget year gets a new version of its split by its key rule (fixed, population or usage),
as the secretariat's run does (tariffs.services.budget_run), and is printed with its parts, the
figures' dates and what was used in place of missing figures. All or nothing."""

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from socialaftale.lib.cpr import mask_cpr
from socialaftale.lib.danish import format_decimal
from socialaftale.lib.money import without_trailing_zeros
from tariffs.calculations import CalculationError
from tariffs.models import FinancingScheme
from tariffs.services import budget_run


def _scheme_json(result) -> dict:
    split = result.split
    rows = list(split.rows.select_related("organisation"))
    return {
        "scheme": result.scheme.name,
        "year": result.scheme.year,
        "total": str(split.total),
        "key": split.inputs["key"],
        "rule": split.inputs.get("rule", "fixed"),
        "figures": split.inputs.get("figures", []),  # the population figures' dates used
        "notes": split.inputs.get("notes", []),  # e.g. Q2 of the year before not imported
        "rounding": split.method,
        "parts": [
            {
                "party": row.organisation.short_name,
                "weight": str(without_trailing_zeros(row.weight)),
                "amount": str(row.amount),
            }
            for row in rows
        ],
        "sum": str(sum((row.amount for row in rows), Decimal(0))),
        "decimals": split.decimals,
        "version": split.version,
        "changes": [
            {"party": c.party, "kr": str(c.kr), "pct": None if c.pct is None else str(c.pct)}
            for c in result.changes
        ],
    }


class Command(BaseCommand):
    help = (
        "Budgetkørslen for et år: hver objektiv finansiering får en ny version af sin "
        "fordeling ud fra sin nøgle, med input og ændringer pr. part siden sidste version."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--scheme", help="Kun ordningen med dette navn.")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, year, scheme, format, **options):  # noqa: A002
        if (
            scheme is not None
            and not FinancingScheme.objects.filter(year=year, name=scheme).exists()
        ):
            raise CommandError(f"Der er ingen ordning »{mask_cpr(scheme[:80])}« for {year}.")
        try:
            results = budget_run(year=year, scheme_name=scheme)
        except CalculationError as error:  # nothing stored: the run is all or nothing
            raise CommandError(str(error)) from None
        schemes = [_scheme_json(result) for result in results]
        if format == "json":
            self.stdout.write(json.dumps(schemes, ensure_ascii=False, indent=2))
            return
        for item in schemes:
            self._table(item)

    def _table(self, item: dict) -> None:
        def kr(text: str) -> str:
            return format_decimal(Decimal(text), item["decimals"])

        self.stdout.write(f"{item['scheme']} {item['year']} (version {item['version']})")
        for part in item["parts"]:
            self.stdout.write(f"  {part['party']:<20} {kr(part['amount']):>15} kr.")
        self.stdout.write(f"  {'I alt':<20} {kr(item['sum']):>15} kr.")
        for note in item["notes"]:
            self.stdout.write(f"  {note}")
        self.stdout.write(f"  {item['rounding']}")
