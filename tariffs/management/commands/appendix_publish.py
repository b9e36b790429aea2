"""Publish a year's tariff appendix on the command line, as the secretariat's button does
(tariffs.services_appendix.appendix_publish): a new version with the changes since the last."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from tariffs.appendix import OFFER
from tariffs.reports_appendix import labels
from tariffs.services_appendix import AppendixRefused, appendix_publish
from tariffs.tables.appendix_versions import change_label


class Command(BaseCommand):
    help = (
        "Offentliggør årets takstbilag som en ny version med ændringerne siden sidste version "
        "(afvises, mens takster afventer godkendelse, eller når intet er ændret)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year, **options):
        with translation.override("da"):
            try:
                version = appendix_publish(year=year, user=None)
            except AppendixRefused as refused:
                raise CommandError(" ".join(refused.messages)) from None
            shown = labels()
            self.stdout.write(
                f"Takstbilag {year} version {version.version}: {len(version.rows)} tilbud, "
                f"{len(version.changes)} ændringer"
            )
            for change in version.change_list:
                what = (
                    "tilbud" if change.item == OFFER else shown.kinds.get(change.kind, change.item)
                )
                package = f" ({change.package})" if change.package else ""
                self.stdout.write(
                    f"  {change.offer}: {what}{package} {change_label(change.change).lower()}: "
                    f"{change.before if change.before is not None else '–'} → "
                    f"{change.after if change.after is not None else '–'}"
                )
