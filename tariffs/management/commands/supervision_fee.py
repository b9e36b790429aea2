"""The supervision fee for an offer of a given size (SPEC §3.4), from the loaded tariffs."""

import json

from django.core.management.base import BaseCommand, CommandError

from socialaftale.lib.danish import format_decimal
from tariffs.calculations import CalculationError, intensified_fee, supervision_category
from tariffs.models import SupervisionTariff

KINDS = ["annual", "intensified", "new_approval", "substantial_change"]
KIND_NAMES = {
    "annual": "årligt tilsyn",
    "intensified": "skærpet tilsyn",
    "new_approval": "nygodkendelse",
    "substantial_change": "væsentlig ændring",
}


def fee_for(tariff: SupervisionTariff, kind: str):
    """The published fee; intensified supervision falls back to 10 % of the annual fee."""
    fee = getattr(tariff, kind)
    if fee is None and kind == "intensified":
        return intensified_fee(tariff.annual)
    return fee


class Command(BaseCommand):
    help = "Tilsynstakst for et tilbud med et givet antal pladser (fra de indlæste takster)."

    def add_arguments(self, parser):
        parser.add_argument("--places", type=int, required=True)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--price-basis", type=int, help="Prisniveau (standard: året)")
        parser.add_argument("--kind", choices=KINDS, default="annual")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, places, year, price_basis, kind, format, **options):
        try:
            category = supervision_category(places)
        except CalculationError as error:
            raise CommandError(str(error)) from error
        basis = price_basis or year
        tariff = SupervisionTariff.objects.filter(
            tariff_year=year, price_basis=basis, category=category
        ).first()
        if tariff is None:
            raise CommandError(f"Ingen tilsynstakster for {year} i {basis}-priser er indlæst.")
        fee, computed = fee_for(tariff, kind), getattr(tariff, kind) is None
        if fee is None:
            raise CommandError(f"Ingen takst for {KIND_NAMES[kind]} i {year} ({basis}-priser).")
        fee = fee.quantize(1) if fee == fee.to_integral_value() else fee
        if format == "json":
            data = {"category": category, "fee": str(fee)}
            self.stdout.write(json.dumps(data | ({"computed": True} if computed else {})))
        else:
            self.stdout.write(
                f"Kategori {category}: {KIND_NAMES[kind]} {year} ({basis}-priser): "
                f"{format_decimal(fee)} kr."
                + (" (beregnet: 10 % af årligt tilsyn)" if computed else "")
            )
