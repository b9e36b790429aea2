"""The annual cycle (issue 13): the definitions seeded from SPEC §1, a year generated once
with its links found, the events each role sees, the pages and their access, the
secretariat's edits (a stale one refused), the export, the command and the work item."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from annual_cycle import services
from annual_cycle.models import CycleDefinition, CycleEvent, LinkKind
from annual_cycle.selectors import due_soon, events_for
from annual_cycle.worklist import count_due_soon
from socialaftale.lib.edits import StaleEdit, fields_token
from tests.factories.annual_cycle import CycleDefinitionFactory, CycleEventFactory
from tests.factories.meetings import BodyFactory, MeetingFactory
from tests.factories.organisations import MembershipFactory, UserFactory
from tests.factories.submissions import ReportingRoundFactory

SPEC_EVENTS = {
    "takstindberetning": ((4, 1), (8, 31)),
    "styringsaftale": ((10, 15), (10, 15)),
    "takstbilag": ((10, 1), (10, 31)),
    "behov-kapacitet": ((11, 1), (12, 15)),
    "udviklingsbidrag-svar": ((9, 10), (9, 10)),
    "borgerlister-januar": ((1, 1), (1, 31)),
    "udviklingsstrategi-godkendt": ((6, 1), (6, 1)),
}


@pytest.mark.django_db
def test_the_definitions_of_spec_1_are_seeded_as_data():
    definitions = {d.code: d for d in CycleDefinition.objects.all()}
    for code, (starts, due) in SPEC_EVENTS.items():
        d = definitions[code]
        assert (d.start_month, d.start_day, d.due_month, d.due_day) == (*starts, *due), code
    assert {d.iso_week for d in definitions.values() if d.code.startswith("uge5")} == {5}
    assert definitions["takstindberetning"].link_target == "tariff_reporting"
    assert definitions["takstindberetning"].audience == ["operator"]
    assert all(d.active and d.title for d in definitions.values())


@pytest.mark.django_db
def test_generating_a_year_is_idempotent_and_links_what_fulfils_it():
    tariff_round = ReportingRoundFactory(kind="tariff_reporting", year=2026, title="Takster 2026")
    ReportingRoundFactory(kind="tariff_reporting", year=2025, title="Takster 2025")
    das = BodyFactory(code="das", short_name="DAS")
    meeting = MeetingFactory(body=das, date=dt.date(2026, 5, 19))
    active = CycleDefinition.objects.filter(active=True).count()
    CycleDefinition.objects.filter(code="styringsaftale").update(active=False)
    assert services.generate_year(2026) == active - 1
    event = CycleEvent.objects.get(definition__code="takstindberetning", year=2026)
    event.notes = "Åbnet"
    event.save()
    assert services.generate_year(2026) == 0
    event.refresh_from_db()
    assert event.round == tariff_round and event.notes == "Åbnet"
    assert (
        CycleEvent.objects.get(definition__code="das-aarsrapporter", year=2026).meeting == meeting
    )
    week5 = CycleEvent.objects.get(definition__code="uge5-aarsrapport", year=2026)
    assert (week5.starts_on, week5.due_on) == (dt.date(2026, 1, 26), dt.date(2026, 1, 30))
    assert not CycleEvent.objects.filter(definition__code="styringsaftale").exists()
    assert event.history.first().history_type == "~"


@pytest.mark.django_db
def test_the_command_generates_a_year(capsys):
    call_command("generate_annual_cycle", "--year", "2027")
    assert CycleEvent.objects.filter(year=2027).count() == CycleDefinition.objects.count()
    assert "events made for 2027" in capsys.readouterr().out


def _user(role, **where):
    user = UserFactory()
    MembershipFactory(user=user, role=role, **where)
    return user


@pytest.mark.django_db
def test_each_role_sees_the_events_whose_audience_names_it(
    secretariat, aalborg_reporter, aalborg_operator, das_member, outsider
):
    panel = _user("expert_panel")
    services.generate_year(2026)
    seen = {
        name: set(events_for(user).filter(year=2026).values_list("definition__code", flat=True))
        for name, user in {
            "sec": secretariat,
            "rep": aalborg_reporter,
            "op": aalborg_operator,
            "das": das_member,
            "panel": panel,
            "out": outsider,
        }.items()
    }
    assert len(seen["sec"]) == CycleDefinition.objects.count()
    assert "takstindberetning" in seen["op"] and "takstindberetning" not in seen["rep"]
    assert {"behov-kapacitet", "udviklingsbidrag-svar"} <= seen["rep"]
    assert "styringsaftale" in seen["das"] and "takstindberetning" not in seen["das"]
    assert seen["panel"] == {"ekspertpanel-aarsrapporter"}
    assert seen["out"] == set()


def _due_event(code, days, **audience):
    today = timezone.localdate()
    definition = CycleDefinitionFactory(code=code, title=f"Frist {code}", **audience)
    due = today + dt.timedelta(days=days)
    return CycleEventFactory(definition=definition, year=due.year, starts_on=due, due_on=due)


@pytest.mark.django_db
def test_the_due_list_shows_the_next_60_days_that_concern_the_user(
    client, secretariat, aalborg_operator
):
    _due_event("drift", 10, for_operators=True)
    _due_event("kommuner", 59, for_reporters=True)
    _due_event("senere", 61, for_operators=True)
    done = _due_event("klaret", 5, for_operators=True)
    done.done_on = timezone.localdate()
    done.save()
    client.force_login(aalborg_operator)
    rows = client.get("/aarshjul/frister/").context["rows"]
    assert [row.event.definition.code for row in rows] == ["drift"]
    client.force_login(secretariat)
    response = client.get("/aarshjul/frister/")
    assert [row.event.definition.code for row in response.context["rows"]] == ["drift", "kommuner"]
    download = client.get("/aarshjul/frister/?_export=csv")
    assert download.content.startswith("\ufeff".encode()) and "Frist drift" in download.text


@pytest.mark.django_db
def test_the_work_item_counts_in_one_query_and_respects_the_audience(
    secretariat, aalborg_operator, das_member, outsider, django_assert_num_queries
):
    for i in range(5):
        _due_event(f"drift-{i}", i + 1, for_operators=True)
    _due_event("das", 3, for_body_members=True)
    for user in (secretariat, aalborg_operator, das_member, outsider):
        count_due_soon(user)  # reads the user's roles once (cached on the user)
    with django_assert_num_queries(1):
        assert count_due_soon(secretariat) == 6
    with django_assert_num_queries(1):
        assert count_due_soon(aalborg_operator) == 5
    with django_assert_num_queries(1):
        assert count_due_soon(das_member) == 1
    with django_assert_num_queries(0):
        assert count_due_soon(outsider) == 0
    assert due_soon(das_member, timezone.localdate()).get().definition.code == "das"


@pytest.mark.django_db
def test_the_year_view_month_by_month_and_the_generate_button(client, secretariat):
    client.force_login(secretariat)
    empty = client.get("/aarshjul/2030/")
    assert empty.context["can_generate"] and len(empty.context["months"]) == 12
    assert client.post("/aarshjul/2030/generer/").status_code == 302
    page = client.get("/aarshjul/2030/")
    assert not page.context["can_generate"]
    months = {month.month: rows for month, rows in page.context["months"]}
    assert [r.event.definition.code for r in months[10]] == [
        "takstbilag",
        "tilbud-udtraeder",
        "styringsaftale",
    ]
    assert "15. oktober 2030" in page.text and "Årshjulet 2030" in page.text
    assert CycleEvent.objects.filter(year=2030).first().history.first().history_user == secretariat
    xlsx = client.get("/aarshjul/2030/?_export=xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="aarshjul-2030.xlsx"'
    assert client.get("/aarshjul/").context["year"] == timezone.localdate().year


@pytest.mark.django_db
def test_access_anonymous_to_login_others_404_on_the_secretariats_pages(client, aalborg_operator):
    event = CycleEventFactory()
    assert "/konto/login/" in client.get("/aarshjul/frister/")["Location"]
    client.force_login(aalborg_operator)
    assert client.get("/aarshjul/2026/").status_code == 200
    for url in (
        "/aarshjul/definitioner/",
        f"/aarshjul/definitioner/{event.definition_id}/",
        f"/aarshjul/begivenhed/{event.pk}/",
    ):
        assert client.get(url).status_code == 404
    assert client.post("/aarshjul/2026/generer/").status_code == 404
    assert client.get("/aarshjul/1999/").status_code == 404


def _definition_data(definition, **changes):
    data = {
        "title": definition.title,
        "description": "",
        "start_month": 4,
        "start_day": 1,
        "due_month": 8,
        "due_day": 31,
        "year_offset": 0,
        "iso_week": "",
        "for_operators": "on",
        "link_kind": LinkKind.ROUND,
        "link_target": "tariff_reporting",
        "active": "on",
        "position": 5,
    }
    return data | changes


@pytest.mark.django_db
def test_a_definition_edit_saves_and_a_stale_one_is_refused(client, secretariat):
    definition = CycleDefinition.objects.get(code="takstindberetning")
    url = f"/aarshjul/definitioner/{definition.pk}/"
    client.force_login(secretariat)
    token = client.get(url).context["form"]["edit_token"].value()
    data = _definition_data(definition, title="Takstindberetning (ny)", edit_token=token)
    assert client.post(url, data).status_code == 302
    definition.refresh_from_db()
    assert definition.title == "Takstindberetning (ny)" and definition.position == 5
    assert definition.history.first().history_user == secretariat
    stale = client.post(url, data | {"title": "Gammel fane"})
    assert stale.status_code == 409
    definition.refresh_from_db()
    assert definition.title == "Takstindberetning (ny)"
    with pytest.raises(StaleEdit):
        services.update_definition(definition, expected_token="forkert", title="X")


@pytest.mark.django_db
def test_an_event_is_linked_and_marked_done_by_the_secretariat(client, secretariat):
    services.generate_year(2026)
    event = CycleEvent.objects.get(definition__code="behov-kapacitet", year=2026)
    round_ = ReportingRoundFactory(kind="demand_capacity", year=2026, title="Behov 2026")
    url = f"/aarshjul/begivenhed/{event.pk}/"
    client.force_login(secretariat)
    token = client.get(url).context["form"]["edit_token"].value()
    data = {"round": round_.pk, "done_on": "14.12.2026", "notes": "Alle svar", "edit_token": token}
    assert client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.round == round_ and event.done_on == dt.date(2026, 12, 14)
    services.mark_done(event, None, actor=secretariat)
    services.link_event(event, actor=secretariat)
    event.refresh_from_db()
    assert event.done_on is None and event.round is None
    assert fields_token(event, services.EVENT_FIELDS) != token
