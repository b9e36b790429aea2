from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisations.importers import parse_population
from organisations.services import population_import
from socialaftale.lib.cpr import shown
from socialaftale.lib.imports import ImportRejected, limits_for, read_file


class Command(BaseCommand):
    help = "Indlæser befolkningstal fra en CSV med kolonnerne municipality,count (alt eller intet)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--date", required=True, help="Opgørelsesdato, ÅÅÅÅ-MM-DD")
        parser.add_argument("--age-band", default="all", help="fx 'all' eller '0-17'")
        parser.add_argument("--source", default="", help="Kilde, fx 'Danmarks Statistik'")

    def handle(self, *args, file, date: str, age_band, source, **options):
        try:
            reference_date = _parse_date(date)
            rows = parse_population(
                read_file(file, limits_for("population", command=True)),
                age_band=age_band,
                source=source,
                filename=file.name,
                command=True,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        except ImportRejected as rejected:
            raise CommandError(rejected.report.as_text()) from None
        figures = population_import(
            rows=rows, reference_date=reference_date, age_band=age_band, source=source
        )
        self.stdout.write(self.style.SUCCESS(f"{len(figures)} befolkningstal indlæst."))


def _parse_date(value: str):
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"»{shown(value)}« er ikke en dato (ÅÅÅÅ-MM-DD)") from exc
