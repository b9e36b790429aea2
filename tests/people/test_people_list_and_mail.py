"""The people list's filters and downloads, the resent invitation, and an e-mail change that
moves the login name along (issue 13)."""

import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import Action, AuditEntry
from organisations.models import Membership, Role
from people import services
from tests.factories import MembershipFactory, UnitFactory, UserFactory

User = get_user_model()


def names(response) -> set[str]:
    return {person.username for person, _row in response.context["people"]}


@pytest.mark.django_db
def test_the_list_searches_e_mail_and_filters_active(client, secretariat, hjorring_reporter):
    client.force_login(secretariat)
    gone = UserFactory(username="gammel", email="gammel@thisted.dk", is_active=False)
    assert names(client.get("/personer/?q=THISTED.dk")) == {"gammel"}
    assert names(client.get("/personer/?active=nej")) == {gone.username}
    assert gone.username not in names(client.get("/personer/?active=ja"))
    assert names(client.get("/personer/?active=maaske")) >= {"gammel", "hjorring"}


@pytest.mark.django_db
def test_organisation_and_role_are_asked_of_the_same_membership(
    client, secretariat, aalborg, hjorring
):
    """A reporter for Aalborg who operates in Hjørring is no operator of Aalborg."""
    both = UserFactory(username="begge")
    MembershipFactory(user=both, role=Role.REPORTER, unit=UnitFactory(organisation=aalborg))
    MembershipFactory(user=both, role=Role.OPERATOR, organisation=hjorring)
    client.force_login(secretariat)
    assert names(client.get(f"/personer/?organisation={aalborg.pk}&role=operator")) == set()
    assert names(client.get(f"/personer/?organisation={hjorring.pk}&role=operator")) == {"begge"}
    assert names(client.get(f"/personer/?organisation={aalborg.pk}&role=reporter")) == {"begge"}


@pytest.mark.django_db
def test_the_xlsx_download_has_a_row_per_person_with_their_roles(
    client, secretariat, aalborg_operator
):
    client.force_login(secretariat)
    response = client.get("/personer/?_export=xlsx&role=operator")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Navn", "E-mailadresse", "Roller"]
    assert [row[1] for row in rows[1:]] == ["aalborg-drift@example.dk"]
    assert "Aalborg Kommune" in rows[1][2]


def _people(aalborg, count: int) -> None:
    for i in range(count):
        user = UserFactory(username=f"person{i}")
        unit = UnitFactory(organisation=aalborg, code=f"851-{i}", is_default=False)
        MembershipFactory(user=user, role=Role.REPORTER, unit=unit)
        MembershipFactory(user=user, role=Role.OPERATOR, organisation=aalborg)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/personer/", "/personer/?_export=csv"])
def test_the_list_takes_the_same_queries_for_3_and_30_people(client, secretariat, aalborg, url):
    client.force_login(secretariat)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries()  # the session and the caches, read once
    _people(aalborg, 3)
    few = queries()
    User.objects.filter(username__startswith="person").delete()
    _people(aalborg, 30)
    assert queries() == few


def _link(message) -> str:
    return re.search(r"https?://\S+/konto/reset/\S+", message.body).group(0)


@pytest.mark.django_db
def test_an_invitation_is_resent_until_the_person_logs_in(client, secretariat, aalborg_operator):
    waiting = services.invite(
        email="Ny@Example.dk",
        first_name="Ny",
        last_name="Person",
        role=Role.EXPERT_PANEL,
        actor=secretariat,
    )
    client.force_login(secretariat)
    client.post(f"/personer/{waiting.pk}/invitation/")
    (message,) = mail.outbox
    assert message.to == ["ny@example.dk"] and "ny@example.dk" in message.body
    assert AuditEntry.objects.filter(action=Action.INVITED, object_id=str(waiting.pk)).count() == 1
    aalborg_operator.last_login = timezone.now()
    aalborg_operator.save()
    response = client.post(f"/personer/{aalborg_operator.pk}/invitation/", follow=True)
    assert len(mail.outbox) == 1
    assert "allerede logget ind" in response.content.decode()
    with pytest.raises(ValidationError):
        services.resend_invitation(aalborg_operator, secretariat)


@pytest.mark.django_db
def test_a_changed_e_mail_is_the_new_login_name(client, secretariat):
    person = services.invite(
        email="gammel@example.dk",
        first_name="Gitte",
        last_name="Gade",
        role=Role.SECRETARIAT,
        actor=secretariat,
    )
    token = services.details_token(person)
    services.update_details(
        user=person,
        actor=secretariat,
        expected_token=token,
        first_name="Gitte",
        last_name="Gade",
        email=" Ny@Example.dk ",
    )
    person.refresh_from_db()
    assert (person.username, person.email) == ("ny@example.dk", "ny@example.dk")
    services.send_invitation(person, secretariat)
    link = _link(mail.outbox[-1])
    page = client.get(link, follow=True)
    password = "Limfjorden-om-vinteren-9"
    client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    client.logout()
    login = {"username": "ny@example.dk", "password": password}
    assert client.post("/konto/login/", login).status_code == 302
    assert client.get("/").wsgi_request.user == person


@pytest.mark.django_db
def test_another_person_s_login_name_is_refused_as_e_mail(secretariat):
    UserFactory(username="lise@example.dk", email="lise.privat@example.dk")
    token = services.details_token(secretariat)
    with pytest.raises(ValidationError, match="findes allerede|already exists"):
        services.update_details(
            user=secretariat,
            actor=secretariat,
            expected_token=token,
            first_name="Sara",
            last_name="S",
            email="Lise@Example.dk",
        )
    assert Membership.objects.filter(user=secretariat, role=Role.SECRETARIAT).exists()
