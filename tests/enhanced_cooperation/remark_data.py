"""A member whose operator has handed in the year's report, the panel's chair and members."""

from dataclasses import dataclass

from meetings.models import BodyRole
from tests.factories.enhanced_cooperation import MemberFactory, operator_user, panel_user
from tests.factories.meetings import BodyMemberFactory, body
from tests.factories.submissions import SubmissionFactory

from .nomination_data import open_round


@dataclass
class Report:
    round: object
    member: object
    submission: object
    operator: object

    @property
    def url(self) -> str:
        return f"/samarbejde/bemaerkninger/{self.round.pk}/medlem/{self.member.pk}/"


def handed_in_report(year=2019, status="submitted", reporting_round=None, **member) -> Report:
    reporting_round = reporting_round or open_round(year)
    member = MemberFactory(period__start_year=year, **member)
    operator = operator_user(member)
    unit = member.offers.first().operator.units.get()
    submission = SubmissionFactory(round=reporting_round, unit=unit, status=status)
    return Report(reporting_round, member, submission, operator)


def panel_chair():
    chair = panel_user(first_name="Clara", last_name="Formand")
    BodyMemberFactory(body=body("Ekspertpanelet"), user=chair, role=BodyRole.CHAIR)
    return chair
