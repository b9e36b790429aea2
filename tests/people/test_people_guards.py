"""The people services refuse what they must, in Danish, and the people pages' free-text
forms never fail (issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from organisations.models import Membership, Role
from people import services
from tests.factories import MembershipFactory, UserFactory
from tests.fuzz import fuzz

User = get_user_model()


def refused(call, **kwargs) -> dict:
    with translation.override("da"), pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "extra", "field", "danish"),
    [
        (Role.REPORTER, {}, "unit", "En indberetter skal have en enhed."),
        (Role.OPERATOR, {}, "organisation", "En driftsherre skal have en organisation."),
        (Role.BODY_MEMBER, {}, "body", "Et medlem af DAS eller KKR skal have et organ."),
        (Role.BODY_MEMBER, {"body": "FN"}, "body", "Vælg DAS eller KKR."),
        ("konge", {}, "role", "Vælg en af rollerne."),
    ],
)
def test_a_role_without_its_scope_is_refused_in_danish(
    secretariat, outsider, role, extra, field, danish
):
    errors = refused(services.add_role, user=outsider, role=role, actor=secretariat, **extra)
    assert errors == {field: [danish]}
    assert not Membership.objects.filter(user=outsider).exists()


@pytest.mark.django_db
def test_a_secretariat_role_keeps_no_stray_scope(secretariat, outsider, aalborg):
    membership = services.add_role(
        user=outsider, role=Role.SECRETARIAT, actor=secretariat, organisation=aalborg, body="DAS"
    )
    assert (membership.organisation, membership.unit, membership.body) == (None, None, "")


@pytest.mark.django_db
def test_the_invitation_refuses_an_address_in_any_case(secretariat, outsider):
    errors = refused(
        services.invite,
        email="UDENFOR@example.DK",
        first_name="U",
        last_name="D",
        role=Role.EXPERT_PANEL,
        actor=secretariat,
    )
    assert errors == {"email": ["Der findes allerede en person med denne e-mailadresse."]}


@pytest.mark.django_db
def test_the_last_active_secretary_keeps_the_role_even_beside_inactive_ones(secretariat):
    former = UserFactory(username="tidligere", is_active=False)
    MembershipFactory(user=former, role=Role.SECRETARIAT)
    membership = Membership.objects.get(user=secretariat)
    with pytest.raises(ValidationError):
        services.withdraw_role(membership=membership, actor=UserFactory())
    with pytest.raises(ValidationError):
        services.set_active(user=secretariat, active=False, actor=UserFactory())
    services.set_active(user=former, active=True, actor=secretariat)
    services.withdraw_role(membership=membership, actor=former)
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_a_refused_withdrawal_is_shown_on_the_page(client, secretariat):
    client.force_login(secretariat)
    membership = Membership.objects.get(user=secretariat)
    url = f"/personer/{secretariat.pk}/roller/{membership.pk}/tilbagekald/"
    page = client.post(url, follow=True)
    assert "Den sidste sekretariatsrolle kan ikke tilbagekaldes." in page.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
@fuzz
@given(
    first=st.text(max_size=200),
    email=st.text(max_size=300),
    token=st.text(max_size=100),
)
def test_fuzzed_details_never_fail_the_page(client, secretariat, first, email, token):
    person = UserFactory(username="fuzzet")
    client.force_login(secretariat)
    data = {"first_name": first, "last_name": "L", "email": email, "edit_token": token}
    response = client.post(f"/personer/{person.pk}/", data)
    assert response.status_code in (302, 400, 409)


@pytest.mark.django_db
@fuzz
@given(
    q=st.text(max_size=200),
    organisation=st.one_of(st.integers(), st.text(max_size=30)),
    role=st.text(max_size=30),
    active=st.text(max_size=10),
    page=st.text(max_size=10),
)
def test_fuzzed_list_filters_never_fail_the_page(
    client, secretariat, q, organisation, role, active, page
):
    client.force_login(secretariat)
    query = {"q": q, "organisation": organisation, "role": role, "active": active, "side": page}
    assert client.get("/personer/", query).status_code == 200


@pytest.mark.django_db
def test_the_history_shows_the_newest_20_of_what_the_person_did_and_what_was_done_to_them(
    client, secretariat, outsider, aalborg
):
    from audit.models import Action, AuditEntry
    from audit.services import record

    membership = services.add_role(
        user=outsider, role=Role.OPERATOR, organisation=aalborg, actor=secretariat
    )
    services.withdraw_role(membership=membership, actor=secretariat)
    for i in range(25):
        record(Action.SENT, actor=outsider, summary=f"Sendt nr. {i}")
    record(Action.SENT, actor=secretariat, summary="Ikke om personen")
    record(Action.CHANGED, actor=secretariat, obj=outsider, summary="Om personen")
    client.force_login(secretariat)
    shown = client.get(f"/personer/{outsider.pk}/").context["history"]
    assert len(shown) == 20
    assert [e.summary for e in shown[:2]] == ["Om personen", "Sendt nr. 24"]
    assert "Ikke om personen" not in {e.summary for e in shown}
    about_role = AuditEntry.objects.filter(
        content_type__model="membership", object_id=str(membership.pk)
    )
    assert about_role.count() == 2  # given and withdrawn: older than the 20 shown
    assert not {e.pk for e in about_role} & {e.pk for e in shown}
