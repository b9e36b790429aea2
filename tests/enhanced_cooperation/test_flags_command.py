"""`manage.py enhanced_cooperation_flags`: one element per member offer, as the contract."""

import json
from decimal import Decimal as D
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.organisations import MunicipalityFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("enhanced_cooperation_flags", *args, stdout=out)
    return out.getvalue()


def members():
    period = PeriodFactory(start_year=2019)
    viften, birken, loevdal = (OfferFactory(name=n) for n in ("Viften", "Birken", "Løvdal"))
    MemberFactory(period=period, name="Fagcenter for Autisme og ADHD", offers=[viften, birken])
    MemberFactory(period=period, name="Løvdal", offers=[loevdal])
    buyer = MunicipalityFactory()
    UsageFactory(offer=viften, year=2017, acting_municipality=buyer, places=D(10))
    UsageFactory(offer=viften, year=2018, acting_municipality=buyer, places=D(6))
    UsageFactory(offer=birken, year=2018, acting_municipality=buyer, places=D(2))


USAGE = "Forbruget hos handlekommunerne er faldet fra 10 pladser i 2017 til 8 i 2018."


def test_json_one_element_per_member_offer_ordered_by_name():
    members()
    assert json.loads(run("--year", "2019", "--format", "json")) == [
        {"offer": "Birken", "period": "2019-2020", "flags": [{"signal": "usage", "text": USAGE}]},
        {"offer": "Løvdal", "period": "2019-2020", "flags": []},
        {"offer": "Viften", "period": "2019-2020", "flags": [{"signal": "usage", "text": USAGE}]},
    ]
    assert "Løvdal" in run("--year", "2019", "--format", "json")  # ensure_ascii=False


def test_text_is_the_default():
    members()
    assert run("--year", "2019") == (
        f"Birken (2019-2020)\n  [usage] {USAGE}\n"
        "Løvdal (2019-2020)\n  Ingen signaler om faldende efterspørgsel.\n"
        f"Viften (2019-2020)\n  [usage] {USAGE}\n"
    )
    assert run("--year", "2019", "--format", "text") == run("--year", "2019")


def test_unknown_year_is_an_empty_list():
    members()
    assert json.loads(run("--year", "2030", "--format", "json")) == []
    assert run("--year", "2030") == "Ingen medlemmer i året.\n"


def test_bad_format_is_refused():
    with pytest.raises(CommandError):
        run("--year", "2019", "--format", "xml")
