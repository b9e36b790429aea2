"""The financing year's writes (SPEC §3.4a) on Socialtilsyn Nord's 2018 split: the plan sums
exactly, the true-up of an invented actual (19,500,000 kr.) owes 290,243 kr. in all and
Aalborg 92,107 kr., and what is refused is refused in Danish with nothing saved."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from socialaftale.lib.edits import StaleEdit
from tariffs.models import ActualExpenditure, OnAccountCharge, TrueUpStatement
from tariffs.services import split_compute
from tariffs.services_settlement import (
    actual_record,
    actual_token,
    on_account_plan_create,
    true_up_compute,
)

from .settlement_world import BUDGET_2018, INVENTED_ACTUAL, charged_and_actual, foster_family_2018

D = Decimal


@pytest.fixture
def scheme(socialtilsyn, secretariat):
    return foster_family_2018(socialtilsyn, secretariat)


@pytest.mark.django_db
def test_the_plan_charges_each_share_in_four_quarters_that_sum_exactly(scheme, secretariat):
    plan = on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1), user=secretariat)
    assert plan.version == 1 and plan.instalment_count == 4 and plan.split.version == 1
    charges = OnAccountCharge.objects.filter(plan=plan)
    assert sum(c.amount for c in charges) == BUDGET_2018
    aalborg = charges.filter(organisation__short_name="Aalborg").order_by("instalment")
    assert [c.amount for c in aalborg] == [D("1524018")] * 4
    assert [c.due_on for c in aalborg] == [
        dt.date(2018, 1, 1),
        dt.date(2018, 4, 1),
        dt.date(2018, 7, 1),
        dt.date(2018, 10, 1),
    ]
    for row in plan.split.rows.all():
        assert sum(c.amount for c in charges.filter(organisation=row.organisation)) == row.amount
    laesoe = charges.filter(organisation__short_name="Læsø").order_by("instalment")
    assert [c.amount for c in laesoe] == [D("9461"), D("9460"), D("9460"), D("9460")]


@pytest.mark.django_db
def test_the_true_up_of_2018_with_an_invented_actual(scheme, secretariat):
    charged_and_actual(scheme, secretariat)
    statement = true_up_compute(scheme=scheme, year=2018, user=secretariat)
    rows = list(statement.rows.select_related("organisation"))
    assert len(rows) == 11
    assert sum(r.actual_share for r in rows) == INVENTED_ACTUAL == statement.actual_total
    assert sum(r.charged for r in rows) == BUDGET_2018 == statement.charged_total
    assert sum(r.difference for r in rows) == D("290243") == statement.difference_total
    aalborg = next(r for r in rows if r.organisation.short_name == "Aalborg")
    assert (aalborg.actual_share, aalborg.charged, aalborg.difference) == (
        D("6188179"),
        D("6096072"),
        D("92107"),
    )
    assert statement.inputs["formula"] == "andel af faktisk udgift − opkrævet a conto"
    assert statement.inputs["actual"]["amount"] == "19500000"
    assert statement.inputs["split_version"] == 1 and statement.inputs["plan_version"] == 1
    assert "største-rest" in statement.method


@pytest.mark.django_db
def test_an_actual_below_the_budget_is_a_refund(scheme):
    on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1))
    actual_record(scheme=scheme, year=2018, amount=D("19000000"))
    statement = true_up_compute(scheme=scheme, year=2018)
    assert statement.difference_total == D("-209757")
    assert all(row.difference <= 0 for row in statement.rows.all())


@pytest.mark.django_db
def test_a_new_recording_supersedes_and_keeps_the_old_one_and_versions_count_up(scheme):
    charged_and_actual(scheme)
    first = true_up_compute(scheme=scheme, year=2018)
    actual_record(scheme=scheme, year=2018, amount=D("19300000"), note="Revideret regnskab")
    second = true_up_compute(scheme=scheme, year=2018)
    assert ActualExpenditure.objects.filter(scheme=scheme).count() == 2
    assert (first.version, second.version) == (1, 2)
    assert first.actual_total == INVENTED_ACTUAL and second.actual_total == D("19300000")
    assert second.difference_total == D("90243")


@pytest.mark.django_db
def test_a_plan_keeps_the_split_it_charged_when_the_split_is_recomputed(scheme):
    plan, _actual = charged_and_actual(scheme)
    row = scheme.key.rows.get(organisation__short_name="Aalborg")
    row.weight = D("40000")
    row.save(update_fields=["weight"])
    split_compute(scheme=scheme, user=None)
    statement = true_up_compute(scheme=scheme, year=2018)
    assert statement.split.version == 1 == plan.split.version
    assert statement.difference_total == D("290243")
    newer = on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1))
    assert newer.version == 2 and newer.split.version == 2


@pytest.mark.django_db
def test_a_true_up_without_a_plan_or_an_actual_is_refused_in_danish(scheme):
    with pytest.raises(ValidationError, match="aconto-plan"):
        true_up_compute(scheme=scheme, year=2018)
    on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1))
    with pytest.raises(ValidationError, match="faktiske udgift"):
        true_up_compute(scheme=scheme, year=2018)
    assert not TrueUpStatement.objects.exists()


@pytest.mark.django_db
def test_a_scheme_without_a_split_has_nothing_to_charge(socialtilsyn):
    from tests.factories.tariffs import FinancingSchemeFactory

    scheme = FinancingSchemeFactory(year=2018, key=socialtilsyn)
    with pytest.raises(ValidationError, match="fordeling"):
        on_account_plan_create(scheme=scheme, first_due_on=dt.date(2018, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "year", "message"),
    [
        (D("-1"), 2018, "Faktisk udgift"),
        ("nitten millioner", 2018, "Faktisk udgift"),
        (D("Infinity"), 2018, "Faktisk udgift"),
        (D("19500000.50"), 2018, "decimaler"),
        (D("19500000"), 2019, "2018"),
    ],
)
def test_a_bad_actual_is_refused_and_nothing_is_saved(scheme, amount, year, message):
    with pytest.raises(ValidationError, match=message):
        actual_record(scheme=scheme, year=year, amount=amount)
    assert not ActualExpenditure.objects.exists()


@pytest.mark.django_db
def test_a_stale_actual_form_is_refused(scheme, secretariat):
    token = actual_token(scheme, 2018)
    actual_record(scheme=scheme, year=2018, amount=D("19400000"), expected_token=token)
    with pytest.raises(StaleEdit):
        actual_record(scheme=scheme, year=2018, amount=D("19500000"), expected_token=token)
    with pytest.raises(StaleEdit):  # a form without a token
        actual_record(scheme=scheme, year=2018, amount=D("19500000"), expected_token="")
    assert ActualExpenditure.objects.get().amount == D("19400000")
