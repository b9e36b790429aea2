"""Body memberships with role and period (issue 13): the old free-text roles map to the
choices; meetings and mails use the members current on the day; a seat with a user in DAS,
KKR or the expert panel gives the access role while it runs; the secretariat keeps the
members on the body's page (stale saves refused); everyone else gets a 404."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.mailing import recipients
from meetings.models import BodyMember, BodyRole, body_role_of
from meetings.services_members import member_add, member_end, member_token
from organisations.models import Membership, Role
from tests.factories import UserFactory
from tests.factories.meetings import MeetingFactory, body

TODAY = dt.date(2026, 12, 3)


def test_old_free_text_roles_map_to_the_choices():
    texts = ["Formand", "næstformand", "Suppleant for X", "ref.", "Referent", "", "direktør"]
    assert [body_role_of(t) for t in texts] == [
        BodyRole.CHAIR,
        BodyRole.VICE_CHAIR,
        BodyRole.DEPUTY,
        BodyRole.REFERENT,
        BodyRole.REFERENT,
        BodyRole.MEMBER,
        BodyRole.MEMBER,
    ]


@pytest.mark.django_db
def test_current_members_are_those_whose_period_covers_the_day():
    das = body("DAS")
    always = BodyMember.objects.create(body=das, name="A", organisation="x")
    ended = BodyMember.objects.create(
        body=das, name="B", organisation="x", ends_on=TODAY - dt.timedelta(days=1)
    )
    future = BodyMember.objects.create(
        body=das, name="C", organisation="x", starts_on=TODAY + dt.timedelta(days=1)
    )
    running = BodyMember.objects.create(
        body=das, name="D", organisation="x", starts_on=TODAY, ends_on=TODAY
    )
    assert set(BodyMember.objects.current(TODAY)) == {always, running}
    assert set(BodyMember.objects.current(TODAY + dt.timedelta(days=1))) == {always, future}
    assert ended not in BodyMember.objects.current(TODAY)


@pytest.mark.django_db
def test_mails_reach_only_the_current_members():
    das = body("DAS")
    now = UserFactory(email="nu@example.dk")
    before = UserFactory(email="foer@example.dk")
    member_add(body=das, user=now, name="Nu", organisation="x")
    old = member_add(body=das, user=before, name="Før", organisation="x")
    member_end(member=old)
    reached, unreachable = recipients(MeetingFactory(body=das, date=timezone.localdate()))
    assert [r.email for r in reached] == ["nu@example.dk"] and not unreachable


@pytest.mark.django_db
def test_a_seat_gives_the_access_role_while_it_runs():
    das, kdk = body("DAS"), body("KDK")
    user = UserFactory()
    seat = member_add(body=das, user=user, name="Nu", organisation="x")
    assert Membership.objects.filter(user=user, role=Role.BODY_MEMBER, body="DAS").exists()
    member_add(body=kdk, user=user, name="Nu", organisation="x")  # KDK has no portal role
    assert Membership.objects.filter(user=user).count() == 1
    member_end(member=seat)
    assert not Membership.objects.filter(user=user).exists()
    panel_user = UserFactory()
    member_add(body=body("Ekspertpanelet"), user=panel_user, name="P", organisation="x")
    assert Membership.objects.get(user=panel_user).role == Role.EXPERT_PANEL


@pytest.mark.django_db
def test_the_secretariat_adds_edits_and_ends_members_on_the_body_s_page(client, secretariat):
    das = body("DAS")
    user = UserFactory(email="medlem@example.dk")
    client.force_login(secretariat)
    response = client.post(
        "/moeder/organer/das/",
        {
            "name": "Ny Direktør",
            "organisation": "Brønderslev Kommune",
            "role": "formand",
            "user": user.pk,
            "starts_on": "01.01.2026",
        },
    )
    assert response.status_code == 302
    member = BodyMember.objects.get(body=das)
    assert (member.role, member.starts_on) == (BodyRole.CHAIR, dt.date(2026, 1, 1))
    assert Membership.objects.filter(user=user, body="DAS").exists()
    token = member_token(member)
    BodyMember.objects.filter(pk=member.pk).update(organisation="Ændret")
    data = {"name": "Ny Direktør", "organisation": "Min", "role": "medlem", "edit_token": token}
    assert client.post(f"/moeder/organer/medlem/{member.pk}/", data).status_code == 409
    assert BodyMember.objects.get(pk=member.pk).organisation == "Ændret"
    client.post(f"/moeder/organer/medlem/{member.pk}/afslut/")
    assert BodyMember.objects.get(pk=member.pk).ends_on < timezone.localdate()
    assert not Membership.objects.filter(user=user, body="DAS").exists()
    page = client.get("/moeder/organer/das/")
    assert page.context["former"] == [BodyMember.objects.get(pk=member.pk)]
    assert client.get("/moeder/organer/das/?_export=csv").content.startswith("\ufeff".encode())
    assert not mail.outbox


@pytest.mark.django_db
def test_an_end_before_the_start_is_named(client, secretariat):
    body("DAS")
    client.force_login(secretariat)
    response = client.post(
        "/moeder/organer/das/",
        {
            "name": "X",
            "organisation": "Y",
            "role": "medlem",
            "starts_on": "01.02.2026",
            "ends_on": "01.01.2026",
        },
    )
    assert response.status_code == 400 and not BodyMember.objects.exists()


@pytest.mark.django_db
def test_others_get_404(client, das_member, hjorring_reporter):
    member = BodyMember.objects.create(body=body("DAS"), name="A", organisation="x")
    for user in (das_member, hjorring_reporter):
        client.force_login(user)
        for url in (
            "/moeder/organer/",
            "/moeder/organer/das/",
            f"/moeder/organer/medlem/{member.pk}/",
        ):
            assert client.get(url).status_code == 404


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=250),
    role=st.text(max_size=12),
    key=st.one_of(st.integers(), st.text(max_size=6)),
)
def test_fuzzed_members_never_fail_the_page(client, secretariat, text, role, key):
    body("DAS")
    client.force_login(secretariat)
    data = {
        "name": text,
        "organisation": text,
        "email": text[:60],
        "role": role,
        "user": key,
        "starts_on": text[:10],
        "ends_on": text[-10:],
    }
    assert client.post("/moeder/organer/das/", data).status_code in (200, 302, 400)


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=40))
def test_fuzzed_end_dates_never_fail_the_page(client, secretariat, text):
    member = BodyMember.objects.create(
        body=body("DAS"), name="A", organisation="x", starts_on=dt.date(2026, 1, 1)
    )
    client.force_login(secretariat)
    response = client.post(f"/moeder/organer/medlem/{member.pk}/afslut/", {"ends_on": text})
    assert response.status_code in (302, 400)
