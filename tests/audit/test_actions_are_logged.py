"""Sendings, approvals and reopenings reach the audit log with who, what and why, scoped to
the unit they concern (issue 13)."""

import pytest

from audit.models import Action, AuditEntry
from meetings.mailing import mailing_create
from meetings.models import MailingKind
from submissions import services
from submissions.models import SubmissionStatus
from tests.factories import SubmissionFactory, UserFactory
from tests.factories.meetings import BodyMemberFactory, MeetingFactory


@pytest.mark.django_db
def test_accepting_and_reopening_a_submission_are_logged_for_its_unit():
    secretary = UserFactory(first_name="Sofie", last_name="Sekretær")
    submission = SubmissionFactory(status=SubmissionStatus.SUBMITTED)
    services.submission_accept(submission=submission, user=secretary)
    services.submission_reopen(submission=submission, reason="Tal mangler", user=secretary)
    approved, reopened = AuditEntry.objects.filter(
        action__in=[Action.APPROVED, Action.OTHER]
    ).order_by("id")
    assert (approved.action, approved.summary, approved.actor_name) == (
        Action.APPROVED,
        "Godkendt",
        "Sofie Sekretær",
    )
    assert (reopened.action, reopened.reason) == (Action.OTHER, "Tal mangler")
    assert {approved.unit_id, reopened.unit_id} == {submission.unit_id}
    assert approved.organisation_id == submission.unit.organisation_id


@pytest.mark.django_db
def test_a_mailing_is_logged_with_how_many_it_reached():
    meeting = MeetingFactory()
    BodyMemberFactory(body=meeting.body, user=UserFactory(email="a@kommune.dk"))
    BodyMemberFactory(body=meeting.body)  # no user, no address: not reached
    mailing_create(meeting=meeting, kind=MailingKind.choices[0][0], user=UserFactory())
    entry = AuditEntry.objects.filter(action=Action.SENT).get()
    assert entry.summary.endswith("sendt til 1 modtagere")
    assert entry.object_id == str(meeting.pk)
