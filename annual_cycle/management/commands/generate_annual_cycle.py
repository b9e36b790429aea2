from django.core.management.base import BaseCommand, CommandError

from annual_cycle import services

FIRST_YEAR, LAST_YEAR = 2000, 2100


class Command(BaseCommand):
    help = "Makes the annual cycle's missing events of a year from the active definitions."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year, **options):
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.")
        created = services.generate_year(year)
        self.stdout.write(f"{created} events made for {year}.")
