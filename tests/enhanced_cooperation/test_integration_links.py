"""The enhanced cooperation as one set of pages (issue 14): the members list is each user's hub
(the links of their roles, nothing for anonymous users and users without a role), the report
read page shows the expert panel's remarks (drafts only to the panel and the secretariat),
and the remarks pages, the remarks overview, the nominations and the member page link each
other."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from enhanced_cooperation.hub import hub_links
from enhanced_cooperation.models import JointAction
from enhanced_cooperation.reports import report_key
from enhanced_cooperation.services_round import operator_unit
from submissions import services as rounds
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    NominationFactory,
    RemarkFactory,
    complete_report,
    final_remark,
    hand_in_reports,
    joint_action,
    open_year_round,
    operator_user,
    panel_user,
)

pytestmark = pytest.mark.django_db

HUB = reverse("enhanced_cooperation:members")


def url(name, *args) -> str:
    return reverse(f"enhanced_cooperation:{name}", args=args)


SECRETARIAT_PAGES = {
    url("year_round_open"): "Åbn årets runde",
    url("report_list"): "Årsrapporter",
    url("nominations"): "Indmeldinger",
    url("remarks"): "Ekspertpanelets bemærkninger",
    url("flags"): "Signaler om faldende efterspørgsel",
    url("joint_actions"): "Tidlig fælles indsats",
    url("reassessment_open"): "Genvurdering",
}
PANEL_PAGES = {
    url("report_list"): "Årsrapporter",
    url("nominations"): "Indmeldinger",
    url("remarks"): "Bemærkninger der venter",
    url("flags"): "Signaler",
}


def hub_of(client, user) -> dict[str, str]:
    """url -> label of the hub's links on the members list as `user` (None: anonymous)."""
    client.logout()
    if user is not None:
        client.force_login(user)
    page = client.get(HUB)
    assert page.status_code == 200
    links = {link.url: link.label for link in page.context["hub_links"]}
    html = page.content.decode()
    for href, label in links.items():
        assert f'href="{href}">{label}</a>' in html
    assert ('id="hub"' in html) == bool(links)
    return links


@pytest.fixture
def member(db):
    return MemberFactory(period__start_year=2027, name="Kvisten")


@pytest.fixture
def operator(member):
    return operator_user(member, username="kvisten-drift")


@pytest.fixture
def year_round(member, operator):
    return open_year_round(2027)


def _handed_in(year_round, member, operator, **changes):
    hand_in_reports(year_round, {member: complete_report(**changes)}, user=operator)
    return rounds.submission_for(
        reporting_round=year_round, unit=operator_unit(member.offers.get().operator)
    )


# --- the hub ---------------------------------------------------------------------------------


def test_the_secretariat_gets_every_part(client, secretariat, year_round):
    assert hub_of(client, secretariat) == SECRETARIAT_PAGES


def test_the_panel_gets_what_it_reads_and_remarks_on(client, year_round):
    links = hub_of(client, panel_user())
    assert links == PANEL_PAGES
    for page in ("year_round_open", "joint_actions", "reassessment_open", "nomination_create"):
        assert url(page) not in links, page


def test_an_operator_reaches_its_submission_of_the_open_round_and_nominates(
    client, member, operator, year_round
):
    unit = operator_unit(member.offers.get().operator)
    links = hub_of(client, operator)
    unit_page = reverse("submissions:unit_submission", args=[year_round.pk, unit.code])
    assert links == {
        unit_page: "Årsrapporter for 2026",
        url("nomination_create"): "Indmeld et tilbud",
    }
    # the round engine's unit page makes the submission; then the hub links its overview
    assert client.get(unit_page).status_code == 302
    submission = year_round.submissions.get(unit=unit)
    assert url("reports", submission.pk) in hub_of(client, operator)


def test_an_operator_without_an_open_round_gets_the_report_list(client, member, operator):
    assert hub_of(client, operator) == {url("report_list"): "Årsrapporter"}


def test_an_operator_sees_early_joint_action_only_when_it_has_one(
    client, member, operator, year_round
):
    assert url("joint_actions") not in hub_of(client, operator)
    joint_action(member)
    assert hub_of(client, operator)[url("joint_actions")] == "Tidlig fælles indsats"
    other = operator_user(MemberFactory(period=member.period))
    assert url("joint_actions") not in hub_of(client, other)


def test_a_municipality_reporter_nominates_while_open_and_reads_published_reports(
    client, aalborg_reporter, member
):
    assert hub_of(client, aalborg_reporter) == {url("report_list"): "Årsrapporter"}
    operator_user(member)
    open_year_round(2027)
    assert hub_of(client, aalborg_reporter) == {
        url("nomination_create"): "Indmeld et tilbud",
        url("report_list"): "Årsrapporter",
    }


def test_anonymous_users_and_users_without_a_role_get_no_links(
    client, outsider, das_member, year_round
):
    assert hub_of(client, None) == {}
    assert hub_of(client, outsider) == {}
    assert hub_of(client, das_member) == {}


def test_every_hub_link_opens_for_its_user(client, secretariat, member, operator, year_round):
    joint_action(member)
    for user in (secretariat, panel_user(), operator):
        for href in hub_of(client, user):
            assert client.get(href).status_code in (200, 302), (user, href)


def _hub_queries(user) -> int:
    fresh = type(user).objects.get(pk=user.pk)  # the roles are read again
    with CaptureQueriesContext(connection) as queries:
        hub_links(fresh)
    return len(queries)


def test_the_hub_takes_a_fixed_few_queries(member, operator, year_round):
    before = _hub_queries(operator)
    joint_action(member)
    for _n in range(3):
        other = MemberFactory(period=member.period)
        other.offers.set(member.offers.all())
        joint_action(other)
        RemarkFactory(round=year_round, member=other)
    assert _hub_queries(operator) == before <= 5


# --- the remarks on the read page --------------------------------------------------------------


@pytest.fixture
def remarked(member, operator, year_round):
    """A handed-in report with a draft remark and a final one."""
    submission = _handed_in(year_round, member, operator)
    RemarkFactory(round=year_round, member=member, text="Udkast: belægningen er høj.")
    final_remark(year_round, member=member, text="Endeligt: tilbuddet er bæredygtigt.")
    return submission


def _read(client, user, submission, member):
    client.force_login(user)
    page = client.get(url("report", submission.pk, member.pk))
    assert page.status_code == 200
    return page.content.decode()


def test_the_panel_reads_the_drafts_and_writes_a_remark(client, member, remarked, year_round):
    html = _read(client, panel_user(), remarked, member)
    assert "Udkast: belægningen er høj." in html
    assert "Endeligt: tilbuddet er bæredygtigt." in html
    remarks_page = url("remarks_member", year_round.pk, member.pk)
    assert f'href="{remarks_page}">Skriv bemærkning</a>' in html


def test_the_secretariat_reads_the_drafts_but_does_not_write(
    client, secretariat, member, remarked, year_round
):
    html = _read(client, secretariat, remarked, member)
    assert "Udkast: belægningen er høj." in html
    assert "Skriv bemærkning" not in html
    assert url("remarks_member", year_round.pk, member.pk) in html


def test_the_operator_and_the_municipalities_read_only_final_remarks(
    client, secretariat, aalborg_reporter, member, operator, remarked
):
    for user in (operator, aalborg_reporter):
        if user is aalborg_reporter:
            rounds.submission_accept(submission=remarked, user=secretariat)
        html = _read(client, user, remarked, member)
        assert "Endeligt: tilbuddet er bæredygtigt." in html
        assert "Udkast: belægningen er høj." not in html
        assert "Skriv bemærkning" not in html


def test_a_report_without_remarks_says_so(client, member, operator, year_round):
    submission = _handed_in(year_round, member, operator)
    assert "Ingen bemærkninger endnu." in _read(client, panel_user(), submission, member)


# --- the links back and forth --------------------------------------------------------------------


def _remarks_page(client, user, year_round, member) -> str:
    client.force_login(user)
    page = client.get(url("remarks_member", year_round.pk, member.pk))
    assert page.status_code == 200
    return page.content.decode()


def test_the_remarks_page_links_back_to_the_report_once_handed_in(
    client, secretariat, member, operator, year_round
):
    panel = panel_user()
    assert "Læs årsrapporten" not in _remarks_page(client, panel, year_round, member)
    submission = rounds.submission_for(
        reporting_round=year_round, unit=operator_unit(member.offers.get().operator)
    )
    rounds.submission_save_part(
        submission=submission, key=report_key(member.pk), value=complete_report(), user=operator
    )
    # a draft: the panel may not read it yet, the secretariat may
    assert "Læs årsrapporten" not in _remarks_page(client, panel, year_round, member)
    read = url("report", submission.pk, member.pk)
    assert f'href="{read}">Læs årsrapporten' in _remarks_page(
        client, secretariat, year_round, member
    )
    rounds.submission_submit(submission=submission, user=operator)
    assert f'href="{read}">Læs årsrapporten' in _remarks_page(client, panel, year_round, member)


def test_the_remarks_overview_links_each_report(client, member, operator, year_round):
    submission = _handed_in(year_round, member, operator)
    client.force_login(panel_user())
    html = client.get(url("remarks")).content.decode()
    assert url("report", submission.pk, member.pk) in html
    assert url("remarks_member", year_round.pk, member.pk) in html


def test_the_nomination_links_its_remarks(client, year_round):
    nomination = NominationFactory(round=year_round)
    client.force_login(panel_user())
    html = client.get(nomination.get_absolute_url()).content.decode()
    assert url("remarks_nomination", year_round.pk, nomination.pk) in html


# --- the member page -----------------------------------------------------------------------------


def _member_page(client, user, member):
    client.logout()
    if user is not None:
        client.force_login(user)
    page = client.get(member.get_absolute_url())
    assert page.status_code == 200
    return page


def test_the_member_page_links_the_reports_per_round(
    client, secretariat, member, operator, year_round
):
    panel = panel_user()
    remarks = url("remarks_member", year_round.pk, member.pk)
    page = _member_page(client, panel, member)
    [row] = page.context["round_reports"]
    assert (row.submission, row.read_url, row.remarks_url) == (None, "", remarks)
    submission = _handed_in(year_round, member, operator)
    read = url("report", submission.pk, member.pk)
    for user in (panel, secretariat):
        html = _member_page(client, user, member).content.decode()
        assert f'href="{read}"' in html and f'href="{remarks}"' in html


def test_the_member_page_shows_no_reports_to_others(
    client, aalborg_reporter, outsider, member, operator, year_round
):
    _handed_in(year_round, member, operator)
    for user in (None, outsider, aalborg_reporter, operator):
        page = _member_page(client, user, member)
        assert page.context["round_reports"] == []
        assert 'id="aarsrapporter"' not in page.content.decode()


def test_the_member_page_links_its_joint_actions(client, secretariat, member, operator):
    action = joint_action(member)
    for user in (secretariat, operator):
        html = _member_page(client, user, member).content.decode()
        assert action.get_absolute_url() in html
    for user in (None, panel_user()):
        page = _member_page(client, user, member)
        assert action.get_absolute_url() not in page.content.decode()
        assert not page.context["shows_joint_actions"]


def test_the_secretariat_opens_early_joint_action_for_a_flagged_member(client, secretariat):
    year = timezone.localdate().year
    member = MemberFactory(period__start_year=year)
    operator = operator_user(member)
    year_round = open_year_round(
        year, opens_on=dt.date(year, 1, 1), deadline=timezone.localdate() + dt.timedelta(days=9)
    )
    assert not _member_page(client, secretariat, member).context["open_joint_action_url"]
    _handed_in(year_round, member, operator, demand="falling", demand_text="Færre henvendelser")
    opening = f"{url('joint_action_create')}?medlem={member.pk}&amp;aar={year}"
    assert opening in _member_page(client, secretariat, member).content.decode()
    assert not _member_page(client, operator, member).context["open_joint_action_url"]
    joint_action(member, year=year)
    assert JointAction.objects.filter(member=member).exists()
    assert not _member_page(client, secretariat, member).context["open_joint_action_url"]


# --- the round engine's pages lead the operator to the reports -----------------------------------


def test_the_operators_submission_page_leads_to_the_reports_overview(
    client, member, operator, year_round
):
    client.force_login(operator)
    listing = client.get(reverse("submissions:rounds")).content.decode()
    assert year_round.get_absolute_url() in listing
    unit = operator_unit(member.offers.get().operator)
    page = client.get(reverse("submissions:unit_submission", args=[year_round.pk, unit.code]))
    submission = year_round.submissions.get(unit=unit)
    assert page.url == submission.get_absolute_url()
    html = client.get(page.url).content.decode()
    overview = url("reports", submission.pk)
    assert f'href="{overview}">Skriv årsrapporterne</a>' in html
    assert client.get(overview).status_code == 200


def test_the_operator_goes_from_the_round_to_its_submission(client, member, operator, year_round):
    client.force_login(operator)
    page = client.get(year_round.get_absolute_url())
    unit = operator_unit(member.offers.get().operator)
    unit_page = reverse("submissions:unit_submission", args=[year_round.pk, unit.code])
    assert page.status_code == 302 and page.url == unit_page
