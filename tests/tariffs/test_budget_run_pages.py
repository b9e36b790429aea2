"""The budget-run pages: the secretariat starts a run, follows it and reads per scheme the
parts, the figures used and the change since the previous version (also as CSV/XLSX); a failed
run is run again from its page; anyone else gets 404; whatever is posted to the start form,
the page answers and nothing is started from invalid input."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import TestCase
from hypothesis import given
from hypothesis import strategies as st

from tariffs.models import BudgetRun, FinancingSplit, KeyRule
from tariffs.services import scheme_define
from tariffs.services_runs import budget_run_request
from tests.factories.organisations import (
    MunicipalityFactory,
    PopulationFigureFactory,
    SupervisionAreaFactory,
)
from tests.fuzz import fuzz

D = Decimal
LIST = "/takster/budgetkoersel/"


@pytest.fixture
def scheme(db):
    aalborg = MunicipalityFactory(short_name="Aalborg", name="Aalborg Kommune", code="851")
    laeso = MunicipalityFactory(short_name="Læsø", name="Læsø Kommune", code="825")
    area = SupervisionAreaFactory(name="Socialtilsyn Nord", host=aalborg)
    area.members.set([aalborg, laeso])
    for municipality, count in ((aalborg, 38824), (laeso, 241)):
        PopulationFigureFactory(
            organisation=municipality,
            reference_date=date(2017, 4, 1),
            age_band="0-17",
            count=count,
        )
    return scheme_define(
        name="Plejefamilieafdelingen",
        year=2019,
        key_rule=KeyRule.POPULATION,
        total=D(20253203),
        age_band="0-17",
        area=area,
    )


def _start(client, **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(LIST, data)


def test_the_secretariat_starts_a_run_and_reads_the_parts(client, secretariat, scheme):
    client.force_login(secretariat)
    assert client.get(LIST).status_code == 200
    response = _start(client, year="2019", scheme=str(scheme.pk))
    run = BudgetRun.objects.get()
    assert response.status_code == 302 and response.url == f"{LIST}{run.pk}/"
    page = client.get(response.url).content.decode()
    assert "Plejefamilieafdelingen 2019, version 1" in page
    assert "20.253.203" in page and "01.04.2017" in page
    assert "2. kvartal 2018 er ikke indlæst" in page
    assert "største-rest-metoden" in page
    assert "Budgetkørslen er færdig" in page


def test_the_run_list_names_runs_by_the_system(
    client, secretariat, scheme, django_assert_max_num_queries
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        for _ in range(3):
            budget_run_request(year=2019, user=None, reason="Nye befolkningstal")
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        page = client.get(LIST).content.decode()
    assert page.count("systemet (Nye befolkningstal)") == 3


def test_the_second_version_shows_the_change_in_kroner_and_per_cent(client, secretariat, scheme):
    client.force_login(secretariat)
    _start(client, year="2019")
    PopulationFigureFactory(
        organisation=scheme.area.members.get(code="825"),
        reference_date=date(2018, 4, 1),
        age_band="0-17",
        count=38824,
    )
    PopulationFigureFactory(
        organisation=scheme.area.members.get(code="851"),
        reference_date=date(2018, 4, 1),
        age_band="0-17",
        count=38824,
    )
    run = BudgetRun.objects.get(pk=_start(client, year="2019").url.split("/")[-2])
    csv = client.get(f"{run.get_absolute_url()}?_export=csv").content.decode("utf-8-sig")
    assert "Aalborg;38824;50,0;10126602" in csv  # half each now, Aalborg the odd krone
    assert ";-49,7\r\n" in csv  # Aalborg's change in per cent
    assert (
        "Plejefamilieafdelingen 2019, version 2"
        in client.get(run.get_absolute_url()).content.decode()
    )
    xlsx = client.get(f"{run.get_absolute_url()}?_export=xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_a_failed_run_shows_why_and_is_run_again_from_its_page(client, secretariat, scheme):
    scheme.area.members.add(MunicipalityFactory(short_name="Rebild", code="840"))
    client.force_login(secretariat)
    url = _start(client, year="2019").url
    run = BudgetRun.objects.get()
    assert run.status == "failed"
    progress = client.get(f"{url}status/").content.decode()
    assert "Budgetkørslen mislykkedes" in progress and "Rebild" in progress
    assert "koer-igen" in progress
    PopulationFigureFactory(
        organisation=scheme.area.members.get(code="840"),
        reference_date=date(2017, 4, 1),
        age_band="0-17",
        count=7040,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(f"{url}koer-igen/").status_code == 302
    run.refresh_from_db()
    assert run.status == "done" and FinancingSplit.objects.count() == 1


def test_run_again_of_a_done_run_is_a_new_run(client, secretariat, scheme):
    client.force_login(secretariat)
    url = _start(client, year="2019").url
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"{url}koer-igen/")
    assert BudgetRun.objects.count() == 2 and response.url != url
    assert FinancingSplit.objects.filter(scheme=scheme).count() == 2


@pytest.mark.parametrize("persona", ["aalborg_reporter", "aalborg_operator", "outsider"])
def test_anyone_but_the_secretariat_gets_404(client, request, scheme, persona):
    with TestCase.captureOnCommitCallbacks(execute=True):
        run = budget_run_request(year=2019, user=None)
    client.force_login(request.getfixturevalue(persona))
    for url in (LIST, run.get_absolute_url(), f"{run.get_absolute_url()}status/"):
        assert client.get(url).status_code == 404
    assert client.post(f"{run.get_absolute_url()}koer-igen/").status_code == 404
    assert client.post(LIST, {"year": "2019"}).status_code == 404
    assert BudgetRun.objects.count() == 1


def test_a_scheme_of_another_year_is_refused_by_the_form(client, secretariat, scheme):
    client.force_login(secretariat)
    response = _start(client, year="2020", scheme=str(scheme.pk))
    assert response.status_code == 400 and not BudgetRun.objects.exists()
    assert "ikke en ordning for budgetåret" in response.content.decode()


@pytest.mark.django_db
@fuzz
@given(
    year=st.one_of(st.integers(), st.text(max_size=12)),
    scheme_key=st.one_of(st.integers(), st.text(max_size=12)),
)
def test_fuzzed_start_forms_never_fail_the_page(client, secretariat, scheme, year, scheme_key):
    client.force_login(secretariat)
    count = BudgetRun.objects.count()
    response = _start(client, year=year, scheme=scheme_key)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert BudgetRun.objects.count() == count
