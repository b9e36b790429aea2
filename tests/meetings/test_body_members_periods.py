"""Body members over time (issue 13): the mails about a meeting go to the members on the
meeting's day, also to a member without a user through the member's own e-mail address; a new
meeting fills in the members of its day; the job sweep gives and takes the access role on the
day a seat begins or ends; ending a seat takes a date and never leaves an impossible period."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings.forms_setup import MeetingForm
from meetings.mailing import fix_url, recipients
from meetings.models import BodyMember, BodyRole
from meetings.services_members import member_add, member_end, member_update, sync_due_access
from meetings.services_setup import meeting_create
from organisations.models import Membership, Role
from socialaftale.lib import jobs
from tests.factories import UserFactory
from tests.factories.meetings import MeetingFactory, body

DAY = dt.date(2026, 6, 16)


def seat(name, **values):
    return BodyMember.objects.create(body=body("DAS"), name=name, organisation="x", **values)


@pytest.mark.django_db
def test_the_mail_about_a_meeting_goes_to_the_members_on_its_day():
    seat("Gået", user=UserFactory(email="gaaet@example.dk"), ends_on=DAY - dt.timedelta(days=1))
    seat("Senere", user=UserFactory(email="senere@example.dk"), starts_on=DAY + dt.timedelta(1))
    seat("Fra dagen", user=UserFactory(email="dagen@example.dk"), starts_on=DAY)
    seat("Sidste dag", user=UserFactory(email="sidste@example.dk"), ends_on=DAY)
    reached, unreachable = recipients(MeetingFactory(body=body("DAS"), date=DAY))
    assert sorted(r.email for r in reached) == ["dagen@example.dk", "sidste@example.dk"]
    assert not unreachable


@pytest.mark.django_db
def test_a_member_without_a_user_is_reached_at_the_member_s_own_address():
    seat("Uden bruger", email="egen@example.dk")
    seat("Brugerens adresse", email="egen2@example.dk", user=UserFactory(email="b@example.dk"))
    seat("Ingen adresse")
    seat("Inaktiv", email="inaktiv@example.dk", user=UserFactory(is_active=False))
    reached, unreachable = recipients(MeetingFactory(body=body("DAS"), date=DAY))
    assert sorted(r.email for r in reached) == ["b@example.dk", "egen@example.dk"]
    assert {u.member.name: u.reason for u in unreachable} == {
        "Ingen adresse": "ingen brugerkonto i portalen",
        "Inaktiv": "brugerkontoen er deaktiveret",
    }


@pytest.mark.django_db
def test_the_start_page_sends_the_secretariat_to_the_body_page_not_the_admin():
    member = seat("Uden bruger")
    assert fix_url(member) == f"/moeder/organer/medlem/{member.pk}/"
    assert "admin" not in fix_url(member)


@pytest.mark.django_db
def test_a_new_meeting_fills_in_the_members_of_its_day():
    seat("Anne Formand", role=BodyRole.CHAIR, starts_on=dt.date(2026, 1, 1))
    seat("Gået", ends_on=dt.date(2026, 3, 31))
    seat("Ny", starts_on=dt.date(2026, 7, 1))
    data = {
        "body": body("DAS").pk,
        "date": "16.06.2026",
        "starts_at": "13.00",
        "ends_at": "16.00",
        "venue": "Regionshuset",
    }
    form = MeetingForm(data)
    assert form.is_valid(), form.errors
    meeting = meeting_create(form=form)
    assert [(a.name, a.role) for a in meeting.attendance.all()] == [("Anne Formand", "formand")]


def _has_role(user) -> bool:
    return Membership.objects.filter(user=user, role=Role.BODY_MEMBER, body="DAS").exists()


@pytest.mark.django_db
def test_the_sweep_gives_and_takes_the_role_on_the_seat_s_days():
    today = timezone.localdate()
    coming, leaving = UserFactory(), UserFactory()
    member_add(body=body("DAS"), user=coming, name="K", organisation="x", starts_on=today)
    assert _has_role(coming)
    Membership.objects.filter(user=coming).delete()  # as if added before its first day
    member_add(body=body("DAS"), user=leaving, name="L", organisation="x")
    BodyMember.objects.filter(user=leaving).update(ends_on=today - dt.timedelta(days=1))
    by_hand = UserFactory()  # a role given in the people pages, no seat: left alone
    Membership.objects.create(user=by_hand, role=Role.BODY_MEMBER, body="DAS")
    assert jobs.sweep(now=timezone.now()).other["body-member-access"] == 2
    assert _has_role(coming) and not _has_role(leaving) and _has_role(by_hand)
    assert sync_due_access(timezone.now()) == 0  # nothing more to do


@pytest.mark.django_db
def test_another_current_seat_keeps_the_role_and_a_new_user_takes_it_over():
    user, other = UserFactory(), UserFactory()
    first = member_add(body=body("DAS"), user=user, name="A", organisation="x")
    member_add(body=body("DAS"), user=user, name="A", organisation="y", role=BodyRole.CHAIR)
    member_end(member=first)
    assert _has_role(user)
    second = BodyMember.objects.current().get(user=user)
    values = {"user": other, "name": "B", "organisation": "y", "role": BodyRole.CHAIR}
    member_update(member=second, **values)
    assert not _has_role(user) and _has_role(other)


@pytest.mark.django_db
def test_ending_a_seat_takes_its_last_day_and_refuses_one_before_it_began():
    member = seat("A", starts_on=DAY)
    with pytest.raises(ValidationError):
        member_end(member=member, ends_on=DAY - dt.timedelta(days=1))
    assert member_end(member=member, ends_on=DAY).ends_on == DAY
    never = seat("B", starts_on=timezone.localdate())
    assert member_end(member=never) is None  # ended yesterday: it never ran, withdrawn
    assert not BodyMember.objects.filter(pk=never.pk).exists()
    assert never.history.first().history_type == "-"


@pytest.mark.django_db
def test_the_member_page_ends_the_seat_on_the_day_given(client, secretariat):
    member = seat("A", starts_on=dt.date(2026, 1, 1))
    client.force_login(secretariat)
    end = f"/moeder/organer/medlem/{member.pk}/afslut/"
    assert client.post(end, {"ends_on": "31.12.2025"}).status_code == 400
    assert client.post(end, {"ends_on": "ikke en dato"}).status_code == 400
    assert BodyMember.objects.get(pk=member.pk).ends_on is None
    assert client.post(end, {"ends_on": "30.06.2026"}).status_code == 302
    assert BodyMember.objects.get(pk=member.pk).ends_on == dt.date(2026, 6, 30)
    page = client.get(f"/moeder/organer/medlem/{member.pk}/")
    assert "Sidste dag som medlem" in page.content.decode()


@pytest.mark.django_db
def test_a_member_with_only_name_organisation_and_address_is_added(client, secretariat):
    body("DAS")
    client.force_login(secretariat)
    form = client.get("/moeder/organer/das/").context["form"]
    assert form["starts_on"].initial == timezone.localdate()
    data = {"name": "Eva", "organisation": "Læsø", "email": "eva@example.dk", "role": "medlem"}
    assert client.post("/moeder/organer/das/", data).status_code == 302
    member = BodyMember.objects.get(name="Eva")
    reached, _ = recipients(MeetingFactory(body=body("DAS"), date=timezone.localdate()))
    assert [r.email for r in reached] == ["eva@example.dk"] and member.user is None
    export = client.get("/moeder/organer/das/?_export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd")
    assert "eva@example.dk" in client.get("/moeder/organer/das/?_export=csv").content.decode()


@pytest.mark.django_db
def test_the_bodies_page_counts_current_members_and_is_linked_for_the_secretariat(
    client, secretariat, das_member
):
    seat("Nu")
    seat("Gået", ends_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(secretariat)
    page = client.get("/moeder/organer/")
    assert {b.short_name: b.current for b in page.context["bodies"]} == {"DAS": 1}
    assert 'href="/moeder/organer/"' in client.get("/moeder/").content.decode()
    client.force_login(das_member)
    assert 'href="/moeder/organer/"' not in client.get("/moeder/").content.decode()
