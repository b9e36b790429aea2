from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from offers.usage_import import usage_import
from socialaftale.lib.imports import ImportRejected


class Command(BaseCommand):
    help = (
        "Indlæser et års forbrug (købte pladser pr. tilbud og handlekommune) fra en CSV eller "
        "XLSX med kolonnerne tilbud, kommune, pladser og evt. forventet; erstatter årets "
        "forbrug (alt eller intet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True, help="Året, forbruget gælder")

    def handle(self, *args, file, year, **options):
        try:
            result = usage_import(file, year, None, command=True)
        except ImportRejected as rejected:
            raise CommandError(rejected.report.as_text()) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Forbrug for {year}: {result.added} tilføjet, {result.changed} ændret, "
                f"{result.removed} fjernet."
            )
        )
