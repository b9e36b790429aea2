"""The year's round on the round engine: the operator's unit must hand in one report per
member, mails go to the operators, hand-in is refused until every report is complete."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from enhanced_cooperation.reports import report_key
from enhanced_cooperation.selectors import members_of_submission
from submissions import services as rounds
from submissions.access import get_submission_for_user
from submissions.models import MailKind, MailLog, RoundKind
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    complete_report,
    open_year_round,
    operator_user,
)
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_round_asks_each_operator_for_its_members_reports(django_capture_on_commit_callbacks):
    first = MemberFactory(period__start_year=2027)
    second = MemberFactory(
        period=first.period, offers=[OfferFactory(operator=first.offers.first().operator)]
    )
    operator = operator_user(first, email="drift@example.dk")
    reporter_unit = UnitFactory()
    MembershipFactory(
        user=UserFactory(email="indberetter@example.dk"), role="reporter", unit=reporter_unit
    )
    with django_capture_on_commit_callbacks(execute=True):
        reporting_round = open_year_round(2027)
    assert reporting_round.kind == RoundKind.ANNUAL_REPORT
    unit = reporting_round.units.get()
    assert unit.organisation == first.offers.first().operator
    invitations = MailLog.objects.filter(round=reporting_round, kind=MailKind.INVITATION)
    by_unit = {log.unit_id: log for log in invitations}
    assert "drift@example.dk" in by_unit[unit.pk].recipients
    assert "indberetter@example.dk" in by_unit[reporter_unit.pk].recipients
    assert "indmeld" in by_unit[reporter_unit.pk].body.lower()
    submission = rounds.submission_for(reporting_round=reporting_round, unit=unit)
    assert list(members_of_submission(submission)) == sorted([first, second], key=lambda m: m.name)
    assert get_submission_for_user(operator, submission.pk) == submission
    with pytest.raises(ValidationError):
        rounds.submission_submit(submission=submission, user=operator)
    rounds.submission_save_part(
        submission=submission, key=report_key(first.pk), value=complete_report(), user=operator
    )
    with pytest.raises(ValidationError) as refused:
        rounds.submission_submit(submission=submission, user=operator)
    assert second.name in str(refused.value)
    rounds.submission_save_part(
        submission=submission, key=report_key(second.pk), value=complete_report(), user=operator
    )
    version = rounds.submission_submit(submission=submission, user=operator)
    assert version.answers[report_key(second.pk)]["occupancy_pct"] == "96.5"
    assert len(mail.outbox) >= 2
