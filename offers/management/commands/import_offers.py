from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from offers.importers import parse_offers
from offers.services import offer_import
from socialaftale.lib.imports import ImportRejected, limits_for, read_file


class Command(BaseCommand):
    help = (
        "Indlæser tilbud fra en CSV i formatet for den publicerede tilbudsliste (alt eller intet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True, help="Året, pladstallene gælder")

    def handle(self, *args, file, year, **options):
        try:
            data = read_file(file, limits_for("offers", command=True))
            rows = parse_offers(data, filename=file.name, command=True)
        except ImportRejected as rejected:
            raise CommandError(rejected.report.as_text()) from None
        result = offer_import(rows=rows, year=year)
        self.stdout.write(
            self.style.SUCCESS(f"{result.created} oprettet, {result.updated} opdateret.")
        )
        for line in result.flagged_places:
            self.stdout.write(f"  Pladstal til gennemsyn: {line}")
