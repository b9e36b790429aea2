"""The log page (issue 13): the secretariat reads every entry, a reporter their own unit's,
an operator their own organisation's, everyone else a 404; filters, export and a constant
number of queries whatever the log's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import Action, AuditEntry
from audit.services import record
from organisations.models import Role
from tests.factories import MembershipFactory, MunicipalityFactory, UnitFactory, UserFactory


@pytest.fixture
def world(db):
    mariagerfjord = MunicipalityFactory(name="Mariagerfjord Kommune")
    hjorring = MunicipalityFactory(name="Hjørring Kommune")
    own, other = UnitFactory(organisation=mariagerfjord), UnitFactory(organisation=hjorring)
    reporter = UserFactory(first_name="Rikke", last_name="Rapport")
    MembershipFactory(user=reporter, role=Role.REPORTER, unit=own)
    secretary = UserFactory(first_name="Sofie", last_name="Sekretær")
    MembershipFactory(user=secretary, role=Role.SECRETARIAT)
    record(Action.SENT, actor=secretary, summary="Egen enhed", unit_id=own.pk)
    record(Action.SENT, actor=secretary, summary="Anden enhed", unit_id=other.pk)
    return {"reporter": reporter, "secretary": secretary, "own": own, "hjorring": hjorring}


def shown(client, url="/log/"):
    return client.get(url).content.decode()


def test_the_secretariat_sees_every_entry_and_a_reporter_only_their_units(client, world):
    client.force_login(world["secretary"])
    page = shown(client)
    assert "Egen enhed" in page and "Anden enhed" in page
    assert "Sofie Sekretær" in page and "sendt" in page
    client.force_login(world["reporter"])
    page = shown(client)
    assert "Egen enhed" in page and "Anden enhed" not in page


def test_a_body_member_and_an_outsider_get_404_and_anonymous_the_login(client, world):
    member = UserFactory()
    MembershipFactory(user=member, role=Role.BODY_MEMBER, body="DAS")
    client.force_login(member)
    assert client.get("/log/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/log/").status_code == 404
    client.logout()
    assert client.get("/log/").status_code == 302


def test_filters_by_person_and_period(client, world):
    client.force_login(world["secretary"])
    record(Action.APPROVED, actor=world["reporter"], summary="Godkendt af Rikke")
    page = shown(client, "/log/?person=rikke")
    assert "Godkendt af Rikke" in page and "Egen enhed" not in page
    assert "Egen enhed" not in shown(
        client, "/log/?period_after=2000-01-01&period_before=2000-01-02"
    )
    assert "Egen enhed" not in shown(client, "/log/?period_after=01.01.2099")  # Danish dates
    assert "Egen enhed" in shown(client, "/log/?period_after=01.01.2000")
    assert "Ugyldig" not in shown(client, "/log/?period_after=ikke-en-dato")  # no 500


def test_the_export_is_danish_excel_csv(client, world):
    client.force_login(world["secretary"])
    response = client.get("/log/?_export=csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff") and ";" in body
    assert "Egen enhed" in body and "Anden enhed" in body


def test_the_page_runs_the_same_number_of_queries_at_10_and_1000_entries(client, world):
    client.force_login(world["secretary"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/log/").status_code == 200
        return len(captured)

    AuditEntry.objects.bulk_create(
        AuditEntry(action=Action.SENT, actor_name="x", summary="s") for _ in range(8)
    )
    queries()  # the first request also fills the session and content-type caches
    at_10 = queries()
    AuditEntry.objects.bulk_create(
        AuditEntry(action=Action.SENT, actor_name="x", summary="s") for _ in range(990)
    )
    assert queries() == at_10


def test_the_start_page_leads_the_secretariat_and_the_reporter_to_the_log(client, world):
    for user in (world["secretary"], world["reporter"]):
        client.force_login(user)
        assert 'href="/log/"' in shown(client, "/")
    member = UserFactory()
    MembershipFactory(user=member, role=Role.BODY_MEMBER, body="DAS")
    client.force_login(member)
    assert 'href="/log/"' not in shown(client, "/")
