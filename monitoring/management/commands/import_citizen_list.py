from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from monitoring.services import citizen_list_import
from organisations.models import OrganisationUnit
from socialaftale.lib.cpr import shown
from socialaftale.lib.imports import ImportRejected, limits_for, read_file


class Command(BaseCommand):
    help = (
        "Indlæser en borgerliste (CSV eller XLSX) for en enhed. Alt eller intet. Kommandoen har "
        "længere tid end en upload på siden (IMPORT_COMMAND_SECONDS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", required=True, help="Enhedens kode, fx 851-FB eller 810")

    def handle(self, *args, file, unit, **options):
        found = OrganisationUnit.objects.filter(code=unit).select_related("organisation").first()
        if found is None:
            raise CommandError(f"Ukendt enhed »{shown(unit)}«.")
        limits = limits_for("citizen_list", command=True)
        try:
            upload = citizen_list_import(
                data=read_file(file, limits),
                filename=file.name,
                unit=found,
                user=None,
                limits=limits,
            )
        except ImportRejected as rejected:
            raise CommandError(rejected.report.as_text()) from None
        months = ", ".join(upload.months[:1] + upload.months[-1:])
        self.stdout.write(
            self.style.SUCCESS(
                f"{upload.row_count} rækker for {upload.citizen_count} borgere indlæst "
                f"({months}); {upload.replaced_rows} tidligere rækker erstattet."
            )
        )
