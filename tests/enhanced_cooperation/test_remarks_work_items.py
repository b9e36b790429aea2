"""The expert panel's start page (issue 14): the handed-in annual reports without the user's
remarks and the nominations waiting for assessment, one query each, 0 for others; the page
that lists them."""

import pytest

from enhanced_cooperation.models import NominationStatus, Remark
from enhanced_cooperation.worklist import count_nominations_awaiting, count_reports_awaiting
from organisations.access import roles_for
from portal.worklist import work_rows
from tests.factories.enhanced_cooperation import MemberFactory, NominationFactory, panel_user
from tests.factories.offers import OfferFactory
from tests.factories.submissions import SubmissionFactory

from .nomination_data import open_round
from .remark_data import handed_in_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    report = handed_in_report(2019)
    second = MemberFactory(
        period=report.member.period,
        offers=[OfferFactory(operator=report.member.offers.get().operator)],
    )
    draft = handed_in_report(
        status="draft", reporting_round=report.round
    )  # not handed in: not waiting
    old = open_round(2018, status="closed")  # an older year: not waiting
    SubmissionFactory(round=old, unit=report.submission.unit, status="submitted")
    NominationFactory(round=report.round)
    NominationFactory(round=report.round, status=NominationStatus.ASSESSED)
    return report, second, draft


def test_a_panel_member_counts_the_reports_without_their_remark(data, django_assert_num_queries):
    report, second, _draft = data
    author = panel_user()
    Remark.objects.create(round=report.round, member=report.member, author=author, text="x")
    roles_for(author)
    with django_assert_num_queries(1):
        assert count_reports_awaiting(author) == 1
    other = panel_user()
    roles_for(other)
    with django_assert_num_queries(1):
        assert count_reports_awaiting(other) == 2
    with django_assert_num_queries(1):
        assert count_nominations_awaiting(other) == 1


def test_others_count_nothing(data, secretariat, aalborg_reporter, outsider):
    assert count_reports_awaiting(secretariat) == 0
    assert count_nominations_awaiting(secretariat) == 1
    for user in (aalborg_reporter, outsider):
        assert count_reports_awaiting(user) == count_nominations_awaiting(user) == 0


def test_the_start_page_rows_link_to_the_overview(data):
    rows = {row.code: row for row in work_rows(panel_user())}
    row = rows["enhanced_cooperation.reports_awaiting_remarks"]
    assert row.count == 2 and row.url == "/samarbejde/bemaerkninger/"
    assert rows["enhanced_cooperation.nominations_awaiting_assessment"].count == 1


def test_the_overview_lists_reports_and_nominations_with_who_remarked(client, data, secretariat):
    report, second, _draft = data
    author = panel_user(first_name="Anna", last_name="Andersen")
    Remark.objects.create(round=report.round, member=report.member, author=author, text="x")
    client.force_login(secretariat)
    page = client.get("/samarbejde/bemaerkninger/")
    assert page.status_code == 200
    members = [row["member"] for row in page.context["reports"]]
    assert sorted(m.pk for m in members) == sorted([report.member.pk, second.pk])
    assert len(page.context["nominations"]) == 2
    assert "Anna Andersen" in page.content.decode()
    assert report.url in page.content.decode()


def test_the_overview_is_for_the_panel_and_the_secretariat(client, aalborg_reporter):
    client.force_login(aalborg_reporter)
    assert client.get("/samarbejde/bemaerkninger/").status_code == 404
