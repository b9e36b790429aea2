"""The demo's financing year (issue 15): Børnehus Nord's 2019 scheme and the 2019 budget run,
Socialtilsyn Nord's 2018 true-up with the invented actual, the 2019 tariff appendix published
and the 2020 tariff round open, each made through the services and seen on the pages."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from organisations.models import Organisation
from submissions.models import ReportingRound, RoundKind
from tariffs.models import (
    BudgetRun,
    FinancingScheme,
    Scenario,
    TariffAppendixVersion,
    TrueUpStatement,
)


@pytest.fixture
def committed_demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_the_financing_year_is_made_and_loading_again_changes_nothing(committed_demo):
    run = BudgetRun.objects.get(year=2019)
    assert run.status == "done"
    names = [scheme["name"] for scheme in run.schemes_done]
    assert "Børnehus Nord – objektiv finansiering" in names
    boernehus = FinancingScheme.objects.get(name="Børnehus Nord – objektiv finansiering")
    split = boernehus.splits.order_by("-version").first()
    assert split.total == Decimal("3864000")
    assert sum(row.amount for row in split.rows.all()) == Decimal("3864000")
    assert split.rows.count() == 11
    statement = TrueUpStatement.objects.get(year=2018)
    aalborg = statement.rows.get(organisation__code="851")
    assert aalborg.difference == Decimal("92107")
    assert sum(row.difference for row in statement.rows.all()) == Decimal("290243")
    scenario = Scenario.objects.get(name="Hjørring inde i området")
    rows = {row.organisation.name: row for row in scenario.rows.select_related("organisation")}
    hjorring = rows.pop("Hjørring Kommune")
    assert hjorring.today_amount is None and hjorring.amount > 0
    assert sum(row.amount for row in rows.values()) + hjorring.amount == Decimal("20253203")
    assert all(row.amount < row.today_amount for row in rows.values())
    assert TariffAppendixVersion.objects.filter(year=2019).count() == 1
    assert ReportingRound.objects.get(kind=RoundKind.TARIFF_REPORTING, year=2020).units.exists()
    call_command("load_demo_data", stdout=io.StringIO())
    assert BudgetRun.objects.count() == 1
    assert TrueUpStatement.objects.count() == 1
    assert TariffAppendixVersion.objects.count() == 1


def test_the_pages_show_it_to_whom_it_concerns(committed_demo, client):
    statement = TrueUpStatement.objects.get(year=2018)
    aalborg = Organisation.objects.get(code="851")
    url = reverse(
        "tariffs:true_up_party",
        args=[statement.scheme_id, 2018, statement.version, aalborg.pk],
    )
    _login(client, "aalborg-fb")
    page = client.get(url).content.decode()
    assert "92.107" in page
    client.logout()
    public = client.get(reverse("tariffs:appendix", args=[2019])).content.decode()
    assert "version 1" in public.lower()
    _login(client, "sekretariat")
    run = BudgetRun.objects.get(year=2019)
    detail = client.get(reverse("tariffs:budget_run", args=[run.pk])).content.decode()
    assert "Børnehus Nord" in detail and "1.1.2012" in detail
