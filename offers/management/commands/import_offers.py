from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from offers.importers import import_offers
from socialaftale.lib.imports import ImportRejected


class Command(BaseCommand):
    help = (
        "Indlæser tilbud fra en CSV i formatet for den publicerede tilbudsliste (alt eller intet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--year", type=int, required=True, help="Året, pladstallene gælder")

    def handle(self, *args, file, year, **options):
        try:
            result = import_offers(file.read_bytes(), year=year)
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        except ImportRejected as rejected:
            raise CommandError(
                "Intet er indlæst:\n" + "\n".join(str(e) for e in rejected.errors)
            ) from rejected
        self.stdout.write(
            self.style.SUCCESS(f"{result.created} oprettet, {result.updated} opdateret.")
        )
        for line in result.flagged_places:
            self.stdout.write(f"  Pladstal til gennemsyn: {line}")
