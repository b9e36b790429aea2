from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from demo import annual_cycle as annual_cycle_demo
from demo import enhanced_cooperation as enhanced_cooperation_demo
from demo import financing_year as financing_year_demo
from demo import meetings as meetings_demo
from demo import monitoring as monitoring_demo
from demo import notices as notices_demo
from demo import offers as offers_demo
from demo import organisations as organisations_demo
from demo import submissions as submissions_demo
from demo import tariffs as tariffs_demo

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "reference"

# Each app's reference data, in dependency order. Later apps add their loaders here.
REFERENCE_LOADERS = [
    organisations_demo.load_reference,
    offers_demo.load_reference,
    tariffs_demo.load_reference,
    lambda fixtures: meetings_demo.load_bodies(),
]

# Demo activity (not published figures), loaded unless --reference-only.
DEMO_LOADERS = [
    tariffs_demo.load_demo_tariffs,
    notices_demo.load_demo_notices,
    submissions_demo.load_demo_rounds,
    financing_year_demo.load_demo_financing_year,
    monitoring_demo.load_demo_monitoring,
    enhanced_cooperation_demo.load_demo_enhanced_cooperation,  # before DAS 21 May 2019's item
    meetings_demo.load_demo_meeting,
    meetings_demo.load_demo_kkr_meeting,
    meetings_demo.load_demo_panel_meeting,
    meetings_demo.load_demo_meeting_documents,
    annual_cycle_demo.load_demo_cycle,
]


class Command(BaseCommand):
    help = "Indlæser referencedata og demodata (kan køres flere gange)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reference-only",
            action="store_true",
            help="Kun referencedata (organisationer, enheder, tal, tilbud), ingen brugere.",
        )

    def handle(self, *args, reference_only=False, **options):
        for loader in REFERENCE_LOADERS:
            loader(FIXTURES)
        self.stdout.write(self.style.SUCCESS("Referencedata indlæst."))
        if reference_only:
            return
        for loader in DEMO_LOADERS:
            loader()
        users = organisations_demo.load_demo_users()
        meetings_demo.link_demo_members()  # the body members' users, for the body's e-mails
        self.stdout.write(
            self.style.SUCCESS(
                f"Demobrugere (adgangskode for alle: {organisations_demo.DEMO_PASSWORD}):"
            )
        )
        for username, description in users:
            self.stdout.write(f"  {username:<14} {description}")
