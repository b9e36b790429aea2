from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from monitoring.services import citizen_list_import
from organisations.models import OrganisationUnit
from socialaftale.lib.imports import ImportRejected


class Command(BaseCommand):
    help = "Indlæser en borgerliste (CSV eller XLSX) for en enhed. Alt eller intet."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", required=True, help="Enhedens kode, fx 851-FB eller 810")

    def handle(self, *args, file, unit, **options):
        found = OrganisationUnit.objects.filter(code=unit).select_related("organisation").first()
        if found is None:
            raise CommandError(f"Ukendt enhed »{unit}«.")
        try:
            upload = citizen_list_import(data=file.read_bytes(), filename=file.name, unit=found,
                                         user=None)  # fmt: skip
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        except ImportRejected as rejected:
            lines = "\n".join(str(error) for error in rejected.errors[:50])
            raise CommandError(
                f"Intet er indlæst ({len(rejected.errors)} fejl):\n{lines}"
            ) from None
        self.stdout.write(self.style.SUCCESS(
            f"{upload.row_count} rækker for {upload.citizen_count} borgere indlæst "
            f"({', '.join(upload.months[:1] + upload.months[-1:])}); "
            f"{upload.replaced_rows} tidligere rækker erstattet."))  # fmt: skip
