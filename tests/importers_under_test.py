"""Every importer, driven the same way through its service, its web upload and its command, so
the bad-file tests and the fuzzers run over all of them. `world` (a fixture in the tests)
makes the reference data the good rows refer to."""

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from monitoring.models import CitizenMonth
from monitoring.services import citizen_list_import
from offers.importers import parse_offers
from offers.models import Offer, Usage
from offers.services import offer_import
from offers.usage_import import usage_import
from organisations.importers import parse_parties, parse_population
from organisations.models import PopulationFigure
from organisations.services import parties_import, population_import
from tariffs.importers import match_parties, read_key_rows


def import_population(data: bytes, *, reference_date, age_band: str, source: str, filename=""):
    """The population file checked and saved, as the page and the command do."""
    rows = parse_population(data, age_band=age_band, source=source, filename=filename)
    return population_import(
        rows=rows, reference_date=reference_date, age_band=age_band, source=source
    )


def import_parties(data: bytes) -> int:
    return parties_import(rows=parse_parties(data))


@dataclass(frozen=True)
class Importer:
    name: str
    header: list[str]
    good_row: list[str]
    url: str  # the web upload
    persona: str  # who may use it

    def csv(self, *rows: list[str], separator: str = ";", header=None) -> bytes:
        lines = [header or self.header, *rows]
        return ("\n".join(separator.join(cells) for cells in lines) + "\n").encode()

    def run(self, data: bytes, filename: str, world):
        RUNNERS[self.name](data, filename, world)

    def count(self) -> int:
        return COUNTS[self.name]()

    def post(self, client, data: bytes, filename: str, world):
        file = SimpleUploadedFile(filename, data)
        return client.post(self.url, POSTS[self.name](file, world))

    def command(self, path: Path, world) -> str:
        """The command's output; a refusal raises CommandError."""
        out = io.StringIO()
        COMMANDS[self.name](path, world, out)
        return out.getvalue()


CITIZEN_LIST = Importer(
    "citizen_list",
    ["borger", "kommune", "tilbud", "maaned", "udgift"],
    ["ps-0001234", "Aalborg", "Kvisten", "2016-01", "45.210,00"],
    "/monitorering/borgerlister/upload/",
    "aalborg_reporter",
)
OFFERS = Importer(
    "offers",
    ["name", "operator", "target_group", "legal_basis", "places_as_written", "status"],
    ["Østerled", "Aalborg", "voksne", "SEL § 107", "12", ""],
    "/tilbud/import/",
    "secretariat",
)
POPULATION = Importer(
    "population", ["municipality", "count"], ["Aalborg", "217.000"], "", "secretariat"
)
KEY = Importer("key", ["party", "weight"], ["Aalborg", "3"], "/takster/fordeling/", "secretariat")
USAGE = Importer(
    "usage", ["tilbud", "kommune", "pladser"], ["Kvisten", "Aalborg", "2,5"], "", "secretariat"
)
IMPORTERS = [CITIZEN_LIST, OFFERS, POPULATION, KEY, USAGE]


RUNNERS = {
    "citizen_list": lambda data, filename, world: citizen_list_import(
        data=data, filename=filename, unit=world.unit, user=None
    ),
    "offers": lambda data, filename, world: offer_import(
        rows=parse_offers(data, filename=filename), year=2019
    ),
    "population": lambda data, filename, world: import_population(
        data, reference_date=dt.date(2019, 1, 1), age_band="all", source="DST", filename=filename
    ),
    "key": lambda data, filename, world: match_parties(read_key_rows(data, filename=filename)),
    "usage": lambda data, filename, world: usage_import(
        SimpleUploadedFile(filename, data), 2019, world.secretariat
    ),
}
COUNTS = {
    "citizen_list": CitizenMonth.objects.count,
    "offers": Offer.objects.count,
    "population": PopulationFigure.objects.count,
    "key": lambda: 0,  # the split tool saves nothing from the key itself
    "usage": Usage.objects.count,
}
POSTS = {
    "citizen_list": lambda file, world: {"unit": world.unit.pk, "file": file},
    "offers": lambda file, world: {"year": 2019, "file": file},
    "key": lambda file, world: {"key_file": file, "total": "1000", "decimals": 0},
}
COMMANDS = {
    "citizen_list": lambda path, world, out: call_command(
        "import_citizen_list", str(path), unit=world.unit.code, stdout=out
    ),
    "offers": lambda path, world, out: call_command(
        "import_offers", str(path), year=2019, stdout=out
    ),
    "population": lambda path, world, out: call_command(
        "import_population", str(path), date="2019-01-01", stdout=out
    ),
    "key": lambda path, world, out: call_command(
        "split_financing", total="1000", key=path, stdout=out
    ),
    "usage": lambda path, world, out: call_command(
        "import_usage", str(path), year=2019, stdout=out
    ),
}
