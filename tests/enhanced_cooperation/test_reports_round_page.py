"""The secretariat opens the year's round on its own page: the year whose week 5 comes next
and its default dates are filled in; a refusal is shown in Danish; then the round's board."""

import datetime as dt

import pytest
from django.urls import reverse

from enhanced_cooperation.views_reports_read import next_round_year
from submissions.models import ReportingRound, RoundKind, RoundStatus
from tests.factories.enhanced_cooperation import MemberFactory, operator_user

pytestmark = pytest.mark.django_db
URL = "/samarbejde/runde/ny/"


def test_the_next_round_is_this_years_until_week_5_has_begun():
    assert next_round_year(dt.date(2027, 1, 10)) == 2027
    assert next_round_year(dt.date(2027, 2, 1)) == 2028
    assert next_round_year(dt.date(2026, 12, 4)) == 2027


def test_the_form_is_prefilled_with_the_default_dates(client, secretariat):
    client.force_login(secretariat)
    assert reverse("enhanced_cooperation:year_round_open") == URL
    page = client.get(URL, {"aar": "2027"})
    form = page.context["form"]
    assert form.initial["year"] == 2027
    assert form.initial["opens_on"] == dt.date(2027, 2, 1)
    assert form.initial["deadline"] == dt.date(2027, 3, 4)


def test_opening_the_round_leads_to_its_board(client, secretariat):
    member = MemberFactory(period__start_year=2027)
    operator_user(member)
    client.force_login(secretariat)
    data = {
        "year": "2027",
        "opens_on": "01.02.2027",
        "deadline": "04.03.2027",
        "reminder_days": "-14, -3, 1",
    }
    response = client.post(URL, data)
    reporting_round = ReportingRound.objects.get(kind=RoundKind.ANNUAL_REPORT, year=2027)
    assert response.status_code == 302 and response.url == reporting_round.get_absolute_url()
    assert reporting_round.status == RoundStatus.OPEN
    assert reporting_round.reminder_days == [-14, -3, 1]
    again = client.post(URL, data)
    assert again.status_code == 400
    assert "Runden for 2027 findes allerede" in again.content.decode()
    page = client.get(URL).content.decode()
    assert reporting_round.title in page


def test_a_year_without_members_and_dates_out_of_order_are_refused_in_danish(client, secretariat):
    client.force_login(secretariat)
    data = {"year": "2031", "opens_on": "02.02.2031", "deadline": "01.02.2031"}
    response = client.post(URL, {**data, "reminder_days": "1"})
    assert response.status_code == 400
    assert "Fristen skal ligge på eller efter åbningsdagen" in response.content.decode()
    response = client.post(URL, {**data, "deadline": "04.03.2031", "reminder_days": "1"})
    assert "Der er ingen medlemmer i 2031" in response.content.decode()
    assert not ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT).exists()


def test_only_the_secretariat_opens_rounds(client, aalborg_operator, outsider):
    for user in (aalborg_operator, outsider):
        client.force_login(user)
        assert client.get(URL).status_code == 404
        assert client.post(URL, {"year": "2027"}).status_code == 404


def test_the_secretariat_is_reminded_to_open_the_round_until_it_exists(
    secretariat, aalborg_operator, django_assert_num_queries, monkeypatch
):
    from django.utils import timezone

    from enhanced_cooperation.worklist_reports import count_round_to_open

    monkeypatch.setattr(timezone, "localdate", lambda: dt.date(2027, 1, 20))
    member = MemberFactory(period__start_year=2027)
    operator_user(member)
    with django_assert_num_queries(2):  # the roles, then the one query of the item
        assert count_round_to_open(secretariat) == 1
    assert count_round_to_open(aalborg_operator) == 0
    client_round = ReportingRound.objects.create(
        kind=RoundKind.ANNUAL_REPORT,
        year=2027,
        title="Runden",
        opens_on=dt.date(2027, 2, 1),
        deadline=dt.date(2027, 3, 4),
    )
    assert client_round.pk and count_round_to_open(secretariat) == 0
