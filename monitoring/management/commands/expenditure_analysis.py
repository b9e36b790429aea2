import json

from django.core.management.base import BaseCommand, CommandError

from monitoring import calculations
from monitoring.services import _params, covered_offers_by_year, load_rows


def _years(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    if not (first.isdigit() and last.isdigit()):
        raise CommandError(f"--defining-years skal skrives ÅÅÅÅ-ÅÅÅÅ (fik »{text}«).")
    return int(first), int(last)


class Command(BaseCommand):
    help = "Udgiftsanalysen: januar i måleåret mod januar i basisåret for de samme borgere."

    def add_arguments(self, parser):
        parser.add_argument("--baseline", default="2016-01")
        parser.add_argument("--measure", required=True)
        parser.add_argument("--cohort", choices=["every-january", "fixed"], default="every-january")
        parser.add_argument("--defining-years")
        parser.add_argument("--all-offers", action="store_true")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, baseline, measure, cohort, defining_years, all_offers, **options):
        defining = _years(defining_years) if defining_years else None
        try:
            years = range(int(baseline[:4]), int(measure[:4]) + 1)
            covered, notes = covered_offers_by_year(years)
            params = _params(baseline, measure, cohort, defining, all_offers, covered)
            calculations.validate_params(params)
        except ValueError as error:
            raise CommandError(str(error)) from None
        frame, _uploads = load_rows(calculations.months_needed(params))
        result = calculations.analyse(frame, params).to_json_dict()
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        for note in notes:
            self.stderr.write(note)
