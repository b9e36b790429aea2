from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo.citizen_lists import generate_citizen_lists, write_csv
from demo.monitoring import demo_inputs


def _years(text: str) -> range:
    first, _, last = text.partition("-")
    if not (first.isdigit() and last.isdigit() and int(first) <= int(last)):
        raise CommandError(f"--years skal skrives ÅÅÅÅ-ÅÅÅÅ (fik »{text}«).")
    return range(int(first), int(last) + 1)


class Command(BaseCommand):
    help = (
        "Skriver realistiske demo-borgerlister (én CSV pr. kommune) med opdigtede borgere; "
        "CPR-lignende nøgler har en umulig dag, så ingen rigtig person kan rammes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--citizens", type=int, default=1000)
        parser.add_argument("--years", default="2016-2020")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, default=Path("borgerlister"))

    def handle(self, *args, citizens, years, seed, out, **options):
        municipalities, offers = demo_inputs()
        if not municipalities or not offers:
            raise CommandError("Indlæs referencedata først: python manage.py load_demo_data")
        lists = generate_citizen_lists(
            citizens=citizens,
            years=_years(years),
            seed=seed,
            municipalities=municipalities,
            offers=offers,
        )
        out.mkdir(parents=True, exist_ok=True)
        for code, rows in lists.items():
            count = write_csv(rows, out / f"borgerliste-{code}.csv")
            self.stdout.write(f"{out / f'borgerliste-{code}.csv'}: {count} rækker")
