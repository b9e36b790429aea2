"""Who reads an annual report: the secretariat and the member's own operator always; the
expert panel once it is handed in; the municipalities once the secretariat has accepted it
(published); everyone else gets a 404. The list shows a user the reports they may read, per
year, and downloads them one row per member."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from enhanced_cooperation.reports import report_key
from submissions import services as rounds
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    complete_report,
    open_year_round,
    operator_user,
    panel_user,
)
from tests.factories.offers import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(aalborg_reporter, outsider):
    member = MemberFactory(period__start_year=2027, name="Kvisten")
    other = MemberFactory(period=member.period, name="Løvdal")
    operator = operator_user(member)
    other_operator = operator_user(other)
    reporting_round = open_year_round(2027)
    submission = rounds.submission_for(
        reporting_round=reporting_round,
        unit=reporting_round.units.get(organisation=member.offers.get().operator),
    )
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=complete_report(occupancy_pct="98", development="Høj belægning hele året"),
        user=operator,
    )
    people = {
        "operator": operator,
        "other_operator": other_operator,
        "panel": panel_user(),
        "reporter": aalborg_reporter,
        "outsider": outsider,
    }
    return member, submission, people


def read_url(submission, member):
    return reverse("enhanced_cooperation:report", args=[submission.pk, member.pk])


def status_as(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


def test_a_draft_is_read_by_the_secretariat_and_its_operator_only(client, world, secretariat):
    member, submission, people = world
    url = read_url(submission, member)
    assert status_as(client, secretariat, url) == 200
    assert status_as(client, people["operator"], url) == 200
    for who in ("other_operator", "panel", "reporter", "outsider"):
        assert status_as(client, people[who], url) == 404, who
    client.logout()
    assert client.get(url).status_code == 302


def test_the_panel_reads_once_handed_in_and_the_municipalities_once_accepted(
    client, world, secretariat
):
    member, submission, people = world
    url = read_url(submission, member)
    rounds.submission_submit(submission=submission, user=people["operator"])
    assert status_as(client, people["panel"], url) == 200
    assert status_as(client, people["reporter"], url) == 404
    listing = reverse("enhanced_cooperation:report_list") + "?aar=2027"
    client.force_login(people["reporter"])
    assert "Kvisten" not in client.get(listing).content.decode()

    submission.refresh_from_db()
    rounds.submission_accept(submission=submission, user=secretariat)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Høj belægning hele året" in text and "Årsrapport" in text
    assert page.context["member"] == member and page.context["reporting_round"].year == 2027
    assert "Kvisten" in client.get(listing).content.decode()
    assert status_as(client, people["outsider"], url) == 404
    assert status_as(client, people["other_operator"], url) == 404


def test_the_read_page_shows_the_handed_in_version_not_a_later_draft(client, world, secretariat):
    member, submission, people = world
    rounds.submission_submit(submission=submission, user=people["operator"])
    submission.refresh_from_db()
    rounds.submission_reopen(submission=submission, reason="Ret belægningen", user=secretariat)
    submission.refresh_from_db()
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=complete_report(development="Ny kladdetekst"),
        user=people["operator"],
    )
    client.force_login(people["operator"])
    assert "Ny kladdetekst" in client.get(read_url(submission, member)).content.decode()
    rounds.submission_submit(submission=submission, user=people["operator"])
    client.force_login(people["panel"])
    assert "Ny kladdetekst" in client.get(read_url(submission, member)).content.decode()


def test_a_member_of_another_operator_is_not_found_in_the_submission(client, world, secretariat):
    member, submission, people = world
    other = MemberFactory(period=member.period, name="Fremmed")
    client.force_login(secretariat)
    assert client.get(read_url(submission, other)).status_code == 404
    edit = reverse("enhanced_cooperation:report_edit", args=[submission.pk, other.pk])
    assert client.get(edit).status_code == 404


def test_the_overview_and_the_form_are_the_operators_and_the_secretariats(
    client, world, secretariat
):
    member, submission, people = world
    overview = reverse("enhanced_cooperation:reports", args=[submission.pk])
    edit = reverse("enhanced_cooperation:report_edit", args=[submission.pk, member.pk])
    for user in (secretariat, people["operator"]):
        assert status_as(client, user, overview) == 200
        assert status_as(client, user, edit) == 200
    for who in ("other_operator", "panel", "reporter", "outsider"):
        assert status_as(client, people[who], overview) == 404, who
        assert status_as(client, people[who], edit) == 404, who
        response = client.post(edit, {"development": "x"})
        assert response.status_code == 404
    submission.refresh_from_db()
    assert submission.answers[report_key(member.pk)]["development"] == "Høj belægning hele året"


def test_the_list_downloads_one_row_per_member(client, world, secretariat):
    member, submission, people = world
    client.force_login(secretariat)
    url = reverse("enhanced_cooperation:report_list")
    page = client.get(url, {"aar": "2027"})
    assert page.status_code == 200 and "Kvisten" in page.content.decode()
    response = client.get(url, {"aar": "2027", "_export": "csv"})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Medlem", "Driftsherre", "Status", "Belægning (%)"]
    kvisten = next(row for row in rows if row[0] == "Kvisten")
    assert kvisten[3] == "98" or kvisten[3].startswith("98")
    assert "Høj belægning hele året" in kvisten
    xlsx = client.get(url, {"aar": "2027", "_export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Kvisten" in names


def test_the_list_of_a_year_without_rounds_and_any_query_answers(client, outsider):
    client.force_login(outsider)
    for query in ({}, {"aar": "abc"}, {"aar": "1999"}, {"aar": "2027", "_export": "csv"}):
        assert client.get(reverse("enhanced_cooperation:report_list"), query).status_code == 200


def test_the_list_s_queries_do_not_grow_with_the_members(
    client, world, secretariat, django_assert_max_num_queries
):
    member, submission, people = world
    client.force_login(secretariat)
    url = reverse("enhanced_cooperation:report_list")
    client.get(url, {"aar": "2027"})
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"aar": "2027"})
    operator = member.offers.get().operator
    for number in range(5):
        MemberFactory(
            period=member.period,
            name=f"Ekstra {number}",
            offers=[OfferFactory(operator=operator)],
        )
    with django_assert_max_num_queries(len(few)):
        page = client.get(url, {"aar": "2027"})
    assert "Ekstra 4" in page.content.decode()
