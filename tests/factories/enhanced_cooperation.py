"""The enhanced cooperation: periods, members, the year's round, nominations, remarks."""

import datetime as dt

import factory
from django.utils import timezone

from enhanced_cooperation import services_round
from enhanced_cooperation.models import Member, Nomination, Period, Remark
from organisations.models import Role
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MembershipFactory, UnitFactory, UserFactory


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period
        django_get_or_create = ["start_year"]

    start_year = 2019
    end_year = factory.LazyAttribute(lambda p: p.start_year + 1)


class MemberFactory(factory.django.DjangoModelFactory):
    """A member of 2019–2020 with one offer (give `offers=[...]` for others)."""

    class Meta:
        model = Member
        skip_postgeneration_save = True

    period = factory.SubFactory(PeriodFactory)
    name = factory.Sequence(lambda n: f"Specialcenter {n}")
    target_group = "Børn med svære kommunikationsvanskeligheder"
    criterion_target_group = "Lille og kompleks målgruppe"
    criterion_competences = "Højt specialiserede kompetencer"
    criterion_profile = "Særlig specialiseringsprofil"
    criterion_only_offer = "Det eneste tilbud af sin art i regionen"
    decided_by = "DAS"
    decision_meeting = "DAS 12. december 2018"
    decided_on = dt.date(2018, 12, 12)

    @factory.post_generation
    def offers(self, create, extracted, **kwargs):
        if not create:
            return
        self.offers.set(extracted if extracted is not None else [OfferFactory()])


def operator_user(member: Member, **user):
    """An operator user of the member's (first offer's) operator; its default unit exists."""
    operator = member.offers.first().operator
    UnitFactory(organisation=operator, code=operator.code or f"op{operator.pk}")
    person = UserFactory(**user)
    MembershipFactory(user=person, role=Role.OPERATOR, organisation=operator)
    return person


def panel_user(**user):
    person = UserFactory(**user)
    MembershipFactory(user=person, role=Role.EXPERT_PANEL)
    return person


def open_year_round(year: int = 2027, **dates):
    """The year's round opened through the service (members of `year` must exist, each
    operator with a unit): opened yesterday, due in twenty days."""
    today = timezone.localdate()
    return services_round.year_round_open(
        year=year,
        opens_on=dates.get("opens_on", today - dt.timedelta(days=1)),
        deadline=dates.get("deadline", today + dt.timedelta(days=20)),
    )


def complete_report(**changes) -> dict:
    report = {
        "development": "Tilbuddet har udvidet målgruppen",
        "occupancy_pct": "96.5",
        "places": [{"kind": "residential", "places": 12}],
        "demand": "stable",
        "demand_text": "",
        "target_groups": "Børn 6-17 år med autisme",
        "sustainability_professional": "Ingen",
        "sustainability_economic": "Ingen",
        "planned_changes": "",
    }
    return {**report, **changes}


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    offer = factory.SubFactory(OfferFactory)
    nominated_by = factory.LazyAttribute(lambda n: n.offer.operator)
    claims = factory.LazyFunction(
        lambda: {
            code: {"meets": True, "why": "Begrundelse"}
            for code in ("target_group", "competences", "profile", "only_offer")
        }
    )
    submitted_at = factory.LazyFunction(timezone.now)
    receipt_code = factory.Sequence(lambda n: f"IND-{n:05d}")


class RemarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remark

    author = factory.LazyFunction(panel_user)
    text = "Ekspertpanelet bemærker, at belægningen er høj."


# --- flags and early joint action (issue 14) -------------------------------------------------


def joint_action(member=None, **fields):
    """An open early joint action for the member's year (opened through the service)."""
    from enhanced_cooperation.services_joint_action import joint_action_open

    member = member or MemberFactory()
    return joint_action_open(
        member=member,
        year=fields.pop("year", member.period.start_year),
        reason=fields.pop("reason", "Faldende forbrug hos de handlende kommuner"),
        user=fields.pop("user", None),
        today=fields.pop("today", dt.date(2019, 3, 1)),
    )


# --- the DAS item (issue 14) ---


def hand_in_reports(reporting_round, reports: dict, user=None) -> None:
    """Each member's report (member -> report dict) saved in its operator's submission, then
    each of those submissions handed in through the round engine."""
    from enhanced_cooperation.reports import report_key
    from submissions import services as rounds

    submissions = {}
    for member, report in reports.items():
        unit = services_round.operator_unit(member.offers.first().operator)
        submission = rounds.submission_for(reporting_round=reporting_round, unit=unit)
        rounds.submission_save_part(
            submission=submission, key=report_key(member.pk), value=report, user=user
        )
        submissions[submission.pk] = submission
    for submission in submissions.values():
        rounds.submission_submit(submission=submission, user=user)


def final_remark(reporting_round, member=None, nomination=None, **fields) -> Remark:
    """A remark of the expert panel marked final (on a member's report or a nomination)."""
    return RemarkFactory(
        round=reporting_round,
        member=member,
        nomination=nomination,
        is_final=True,
        finalised_at=timezone.now(),
        **fields,
    )
