"""The tariff round's e-mails (issue 15): opening the round invites the operators' users of
each unit's organisation in Danish through the engine's invitation mail (logged), and the
scheduled reminders reach them too, not the municipality's reporters."""

import datetime as dt

import pytest
from django.core import mail

from organisations.models import OrganisationUnit, Role
from submissions import services as rounds
from submissions.models import MailKind, MailLog
from submissions.services_tariff_round import tariff_round_open
from tests.factories import MembershipFactory, OfferFactory, UnitFactory, UserFactory
from tests.factories.offers import UsageFactory

YEAR = 2031


@pytest.fixture
def world(aalborg, hjorring, aalborg_operator):
    UsageFactory(offer=OfferFactory(operator=aalborg), year=YEAR, acting_municipality=hjorring)
    unit = OrganisationUnit.objects.create(
        organisation=aalborg, code="851", name="Aalborg Kommune", is_default=True
    )
    reporter = UserFactory(username="aalborg-fb", email="fb@example.org")
    MembershipFactory(user=reporter, role=Role.REPORTER, unit=UnitFactory(organisation=aalborg))
    return unit


@pytest.mark.django_db(transaction=True)
def test_opening_the_round_invites_the_operators_in_danish(world, aalborg_operator):
    reporting_round = tariff_round_open(
        year=YEAR, opens_on=dt.date(2031, 4, 1), deadline=dt.date(2031, 8, 31)
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [aalborg_operator.email]
    assert sent.subject == f"Takster {YEAR}"
    assert "er åben" in sent.body and "31. august 2031" in sent.body
    assert f"/indberetninger/runder/{reporting_round.pk}/enhed/851/" in sent.body
    log = MailLog.objects.get(round=reporting_round)
    assert log.kind == MailKind.INVITATION and log.unit == world


@pytest.mark.django_db(transaction=True)
def test_the_reminders_of_the_tariff_round_reach_the_operators(world, aalborg_operator):
    reporting_round = tariff_round_open(
        year=YEAR, opens_on=dt.date(2031, 4, 1), deadline=dt.date(2031, 8, 31)
    )
    mail.outbox.clear()
    sent = rounds.reminders_send_due(reporting_round=reporting_round, today=dt.date(2031, 8, 29))
    assert [log.step for log in sent] == [-3]
    assert [m.to for m in mail.outbox] == [[aalborg_operator.email]]
    assert "Takster 2031" in mail.outbox[0].subject
