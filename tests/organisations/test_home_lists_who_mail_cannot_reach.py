"""The secretariat's start page lists the units and body members no e-mail reaches, each linked
to where it is fixed today (the administration); nobody else sees the list."""

import datetime as dt

import pytest

from meetings.models import Body, BodyMember
from submissions import services
from tests.factories import MunicipalityFactory, UnitFactory, UserFactory
from tests.factories.meetings import bodies

pytestmark = pytest.mark.django_db


@pytest.fixture
def gaps(hjorring_reporter):
    """Rebild (a party) has no reporter; Hjørring's reporter has an address. In DAS, Anne has
    no user and Bent's user no address; Dorte can be reached."""
    rebild = UnitFactory(
        organisation=MunicipalityFactory(code="840", name="Rebild Kommune", party_to_agreement=True)
    )
    hjorring = hjorring_reporter.memberships.get().unit
    services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Runde",
        opens_on=dt.date(2026, 11, 1),
        deadline=dt.date(2026, 12, 18),
        units=[rebild, hjorring],
    )
    bodies()
    das = Body.objects.get(code="das")
    BodyMember.objects.create(body=das, name="Anne Formand", organisation="Aalborg")
    bent = UserFactory(username="bent", email="")
    BodyMember.objects.create(body=das, name="Bent Direktør", organisation="Hjørring", user=bent)
    BodyMember.objects.create(
        body=das, name="Dorte", organisation="Thisted", user=UserFactory(username="dorte")
    )
    return rebild, bent


def section(html: str) -> str:
    start = html.index('id="address-heading"')
    return " ".join(html[start : html.index("</section>", start)].split())


def test_the_secretariat_sees_who_no_e_mail_reaches_with_links_to_fix_it(client, secretariat, gaps):
    rebild, bent = gaps
    client.force_login(secretariat)
    shown = section(client.get("/").content.decode())
    assert "1 enhed uden indberetter med e-mailadresse" in shown
    assert (
        f'<a href="/personer/inviter/?role=reporter&amp;unit={rebild.pk}">Rebild Kommune</a>'
    ) in shown
    assert "Hjørring" not in shown and "Dorte" not in shown
    assert "2 medlemmer af organer uden e-mailadresse" in shown
    anne = BodyMember.objects.get(name="Anne Formand")
    assert (
        f'DAS: <a href="/moeder/organer/medlem/{anne.pk}/">Anne Formand</a> '
        '<small class="text-body-secondary">(ingen brugerkonto i portalen)</small>'
    ) in shown
    assert f'<a href="/personer/{bent.pk}/">Bent Direktør</a>' in shown
    assert "Invitér en indberetter" in shown


def test_others_do_not_see_the_list(client, hjorring_reporter, gaps):
    client.force_login(hjorring_reporter)
    assert 'id="address-heading"' not in client.get("/").content.decode()
