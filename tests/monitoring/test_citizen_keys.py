"""A citizen key is a CPR number (hashed) or a pseudonymous id by a positive rule; anything
that could hide a CPR number is refused without repeating it (issue 10, items 1 and 14)."""

import io
import re

import pytest
from django.core.management import call_command

from monitoring.models import CitizenMonth
from monitoring.pseudonyms import citizen_key
from monitoring.services import citizen_list_import
from socialaftale.lib.imports import ImportRejected
from tests.factories import OfferFactory, UnitFactory

HEADER = "borger;kommune;tilbud;maaned;udgift\n"
CPR_IN_DISGUISE = [
    "0101901234x",
    "020150-7410 (mor)",
    "CPR 030675-0517",
    "0304977769A",
    "1.01901234E+09",
    "1,01901234E+09",
    "x0101901234",
    "ab010190-1234",
    "010190 12 34",
    "p.010190.1234",
    "101901234",  # a CPR number that lost its leading zero in Excel
]


@pytest.fixture
def unit(aalborg, hjorring):
    OfferFactory(name="Kvisten")
    return UnitFactory(organisation=aalborg)


def upload(unit, key: str):
    data = (HEADER + f"{key};Aalborg;Kvisten;2016-01;100\n").encode()
    return citizen_list_import(data=data, filename="liste.csv", unit=unit, user=None)


def digits_of(key: str) -> str:
    return re.sub(r"\D", "", key.split("E")[0])


@pytest.mark.django_db
@pytest.mark.parametrize("key", CPR_IN_DISGUISE)
def test_a_key_hiding_a_cpr_number_is_refused_without_repeating_it(unit, key):
    with pytest.raises(ImportRejected) as refused:
        upload(unit, key)
    message = str(refused.value.errors[0])
    assert message.startswith("Række 2, kolonne “borger”: ugyldig borgernøgle")
    assert digits_of(key) not in re.sub(r"\D", "", message)
    assert key not in message
    assert CitizenMonth.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["0000000000", "000000-0000", "320190-1234", "011390-1234"])
def test_a_cpr_number_that_does_not_start_with_a_date_is_refused(unit, key):
    with pytest.raises(ImportRejected) as refused:
        upload(unit, key)
    assert "skal begynde med en dato" in str(refused.value.errors[0])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key", ["0101901234", "010190-1234", "010190 1234", "290200-1234", "610190-1234"]
)
def test_a_cpr_number_with_a_real_date_is_replaced_by_its_keyed_hash(unit, key):
    upload(unit, key)
    assert list(CitizenMonth.objects.values_list("citizen", flat=True)) == [
        citizen_key("0101901234") if key.startswith("0101") else citizen_key(key)
    ]
    dump = io.StringIO()
    call_command("dumpdata", "monitoring", stdout=dump)
    assert digits_of(key) not in dump.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["ps-0001234", "ps-1", "Borger_17.a", "x" * 64, "AB-12345678"])
def test_a_pseudonymous_id_by_the_documented_rule_is_kept_as_written(unit, key):
    upload(unit, key)
    assert list(CitizenMonth.objects.values_list("citizen", flat=True)) == [key]


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["a", "x" * 65, "ps 17", "ps/17", "_ps17", "æble-1"])
def test_anything_else_is_refused_naming_the_rule(unit, key):
    with pytest.raises(ImportRejected) as refused:
        upload(unit, key)
    assert "pseudonymt id" in str(refused.value.errors[0])


def test_the_demo_lists_fictitious_cpr_numbers_are_hashed():
    assert len(citizen_key("6113001234")) == 64
    assert len(citizen_key("919942-0001")) == 64
