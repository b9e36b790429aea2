"""People administered in Danish pages (issue 13): the secretariat invites by e-mail (a link
to set a password that works), gives and withdraws scoped roles, changes details without
overwriting someone else's save, deactivates with guards, finds people by organisation and
role, exports the list, and reads the person's history; everyone else gets a 404."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import Action, AuditEntry
from organisations.models import Membership, Role
from people import services
from tests.factories import MembershipFactory, MunicipalityFactory, UnitFactory, UserFactory

User = get_user_model()


@pytest.fixture
def mariagerfjord_unit(db):
    municipality = MunicipalityFactory(
        code="846", short_name="Mariagerfjord", name="Mariagerfjord Kommune"
    )
    return UnitFactory(organisation=municipality, code="846", name="Mariagerfjord Kommune")


def invite(client, **changes):
    data = {
        "first_name": "Mette",
        "last_name": "Madsen",
        "email": "Mette.Madsen@Mariagerfjord.dk",
        "role": Role.REPORTER,
        **changes,
    }
    return client.post("/personer/inviter/", data)


@pytest.mark.django_db
def test_an_invited_reporter_sets_a_password_from_the_mail_and_logs_in(
    client, secretariat, mariagerfjord_unit
):
    client.force_login(secretariat)
    response = invite(client, unit=mariagerfjord_unit.pk)
    user = User.objects.get(email="mette.madsen@mariagerfjord.dk")
    assert response.status_code == 302 and response["Location"] == f"/personer/{user.pk}/"
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).unit == mariagerfjord_unit
    assert AuditEntry.objects.filter(action=Action.INVITED, object_id=str(user.pk)).exists()
    (message,) = mail.outbox
    assert message.to == ["mette.madsen@mariagerfjord.dk"] and "Invitation" in message.subject
    link = re.search(r"https?://\S+/konto/reset/\S+", message.body).group(0)
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    password = "Nordjylland-er-dejlig-2026"
    done = client.post(set_url, {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    assert User.objects.get(pk=user.pk).check_password(password)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"role": Role.REPORTER}, "unit"),
        ({"role": Role.OPERATOR}, "organisation"),
        ({"role": Role.BODY_MEMBER}, "body"),
        ({"email": "not an address"}, "email"),
        ({"email": "sekretariat@example.dk"}, "email"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_bad_input_names_the_field_and_creates_nobody(client, secretariat, changes, field):
    secretariat.email = "sekretariat@example.dk"
    secretariat.save()
    client.force_login(secretariat)
    before = User.objects.count()
    response = invite(client, **changes)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert User.objects.count() == before and not mail.outbox


@pytest.mark.django_db
def test_a_das_member_is_invited_with_the_body(client, secretariat):
    client.force_login(secretariat)
    invite(client, email="das@example.dk", role=Role.BODY_MEMBER, body="DAS")
    membership = Membership.objects.get(user__email="das@example.dk")
    assert (membership.role, membership.body) == (Role.BODY_MEMBER, "DAS")


@pytest.mark.django_db
def test_roles_are_given_and_withdrawn_and_appear_in_the_history(
    client, secretariat, aalborg, hjorring_reporter
):
    client.force_login(secretariat)
    url = f"/personer/{hjorring_reporter.pk}/"
    response = client.post(url + "roller/", {"role": Role.OPERATOR, "organisation": aalborg.pk})
    assert response.status_code == 302
    membership = Membership.objects.get(user=hjorring_reporter, role=Role.OPERATOR)
    assert (
        client.post(
            url + "roller/", {"role": Role.OPERATOR, "organisation": aalborg.pk}
        ).status_code
        == 400
    )
    client.post(url + f"roller/{membership.pk}/tilbagekald/")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    history = client.get(url).context["history"]
    assert len([e for e in history if e.content_type.model == "membership"]) >= 2


@pytest.mark.django_db
def test_the_last_secretary_stays_and_nobody_deactivates_themselves(client, secretariat):
    client.force_login(secretariat)
    url = f"/personer/{secretariat.pk}/"
    client.post(url + "aktiv/", {"active": "nej"})
    membership = Membership.objects.get(user=secretariat)
    client.post(url + f"roller/{membership.pk}/tilbagekald/")
    secretariat.refresh_from_db()
    assert secretariat.is_active and Membership.objects.filter(pk=membership.pk).exists()
    other = UserFactory(username="anden")
    MembershipFactory(user=other, role=Role.SECRETARIAT)
    with pytest.raises(Exception, match="yourself|dig selv"):
        services.set_active(user=secretariat, active=False, actor=secretariat)
    services.set_active(user=secretariat, active=False, actor=other)
    with pytest.raises(Exception, match="last|sidste"):
        services.set_active(user=other, active=False, actor=UserFactory())


@pytest.mark.django_db
def test_a_deactivated_person_cannot_log_in_and_is_reactivated(
    client, secretariat, hjorring_reporter
):
    hjorring_reporter.set_password("hemmeligt-ord-1")
    hjorring_reporter.save()
    client.force_login(secretariat)
    client.post(f"/personer/{hjorring_reporter.pk}/aktiv/", {"active": "nej"})
    hjorring_reporter.refresh_from_db()
    assert not hjorring_reporter.is_active
    assert AuditEntry.objects.filter(summary__startswith="Person deaktiveret").exists()
    client.post(f"/personer/{hjorring_reporter.pk}/aktiv/", {"active": "ja"})
    hjorring_reporter.refresh_from_db()
    assert hjorring_reporter.is_active


@pytest.mark.django_db
def test_a_stale_details_save_is_refused(client, secretariat, hjorring_reporter):
    client.force_login(secretariat)
    url = f"/personer/{hjorring_reporter.pk}/"
    token = client.get(url).context["details"].initial["edit_token"]
    User.objects.filter(pk=hjorring_reporter.pk).update(first_name="Anden")
    data = {
        "first_name": "Min",
        "last_name": "Rettelse",
        "email": "h@example.dk",
        "edit_token": token,
    }
    assert client.post(url, data).status_code == 409
    assert User.objects.get(pk=hjorring_reporter.pk).first_name == "Anden"


@pytest.mark.django_db
def test_the_list_filters_by_organisation_and_role_in_constant_queries(
    client, secretariat, aalborg, aalborg_reporter, hjorring_reporter, aalborg_operator
):
    client.force_login(secretariat)
    names = lambda response: {p.username for p, _row in response.context["people"]}  # noqa: E731
    by_org = client.get(f"/personer/?organisation={aalborg.pk}")
    assert names(by_org) == {"aalborg-fb", "aalborg-drift"}
    assert names(client.get("/personer/?role=operator")) == {"aalborg-drift"}
    assert names(client.get("/personer/?q=ingen-saadan")) == set()
    download = client.get("/personer/?_export=csv")
    assert download.content.startswith("\ufeff".encode())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/personer/")
        return len(captured)

    few = queries()
    for i in range(30):
        user = UserFactory(username=f"p{i}")
        MembershipFactory(user=user, role=Role.OPERATOR, organisation=aalborg)
    assert queries() == few


@pytest.mark.django_db
def test_others_get_404(client, hjorring_reporter, aalborg_operator, das_member, outsider):
    for user in (hjorring_reporter, aalborg_operator, das_member, outsider):
        client.force_login(user)
        for url in ("/personer/", "/personer/inviter/", f"/personer/{user.pk}/"):
            assert client.get(url).status_code == 404


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=200),
    role=st.sampled_from([*Role.values, "", "x" * 50]),
    key=st.one_of(st.integers(), st.text(max_size=8)),
)
def test_fuzzed_invitations_never_fail_the_page(client, secretariat, text, role, key):
    client.force_login(secretariat)
    response = invite(
        client,
        first_name=text,
        email=text[:60],
        role=role,
        unit=key,
        organisation=key,
        body=text[:5],
    )
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_an_invited_das_member_gets_a_seat_so_the_body_s_mails_reach_them(client, secretariat):
    from meetings.models import BodyMember
    from tests.factories.meetings import body

    das = body("DAS")
    client.force_login(secretariat)
    invite(
        client,
        email="dorte@example.dk",
        role=Role.BODY_MEMBER,
        body="DAS",
        workplace="Thisted Kommune",
    )
    seat = BodyMember.objects.get(body=das)
    assert (seat.user.email, seat.organisation) == ("dorte@example.dk", "Thisted Kommune")
    assert Membership.objects.filter(user=seat.user, role=Role.BODY_MEMBER, body="DAS").exists()


@pytest.mark.django_db
def test_a_body_role_given_later_is_a_seat_and_withdrawing_it_ends_the_seat(secretariat):
    from meetings.models import BodyMember
    from tests.factories.meetings import body

    das = body("DAS")
    user = UserFactory()
    membership = services.add_role(user=user, role=Role.BODY_MEMBER, body="DAS", actor=secretariat)
    seat = BodyMember.objects.get(body=das, user=user)
    assert membership.body == "DAS" and seat in BodyMember.objects.current()
    services.withdraw_role(membership=membership, actor=secretariat)
    assert seat not in BodyMember.objects.current()
    assert not Membership.objects.filter(user=user).exists()
