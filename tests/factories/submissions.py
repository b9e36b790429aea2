"""Reporting rounds and submissions."""

import datetime as dt

import factory
from django.utils import timezone

from submissions import services
from submissions.models import ReportingRound, Submission
from tests.factories.organisations import UnitFactory


class ReportingRoundFactory(factory.django.DjangoModelFactory):
    """A draft round; open it with services.round_open as the secretariat would."""

    class Meta:
        model = ReportingRound

    kind = "demand_capacity"
    year = 2019
    title = factory.Sequence(lambda n: f"Behov og kapacitet {n}")
    opens_on = dt.date(2018, 11, 15)
    deadline = dt.date(2018, 12, 14)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    round = factory.SubFactory(ReportingRoundFactory)
    unit = factory.SubFactory(UnitFactory)


def open_round_submission(unit, *, year: int = 2027):
    """An open demand-and-capacity round for the unit (opened yesterday, due in nine days) and
    the unit's submission in it, made through the services as the secretariat would."""
    today = timezone.localdate()
    reporting_round = services.round_open(
        reporting_round=services.round_create(
            kind="demand_capacity",
            year=year,
            title=f"Behov {year}",
            opens_on=today - dt.timedelta(days=1),
            deadline=today + dt.timedelta(days=9),
            units=[unit],
        )
    )
    return services.submission_for(reporting_round=reporting_round, unit=unit)
