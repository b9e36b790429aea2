"""Reporting rounds and submissions."""

import datetime as dt

import factory
from django.utils import timezone

from submissions import services
from submissions.models import MailDelivery, MailKind, MailLog, ReportingRound, Submission
from submissions.questionnaire import CURRENT_VERSION, empty_answers
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


class MailLogFactory(factory.django.DjangoModelFactory):
    """A reminder the secretariat sent by hand, delivered; give `delivery` for a failed one."""

    class Meta:
        model = MailLog

    round = factory.SubFactory(ReportingRoundFactory)
    unit = factory.SubFactory(UnitFactory)
    kind = MailKind.MANUAL
    recipients = "indberetter@example.dk"
    subject = "Påmindelse"
    delivery = MailDelivery.SENT


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


def make_round(kind, units, **extra):
    """A draft round of the kind for the units, opened two days ago and due in twenty."""
    today = timezone.localdate()
    return services.round_create(
        kind=kind,
        year=2027,
        title=f"Runde {kind}",
        opens_on=today - dt.timedelta(days=2),
        deadline=today + dt.timedelta(days=20),
        units=units,
        **extra,
    )


def complete_answers(**changes):
    """Answers of the current questionnaire that can be handed in: no changes, no waiting
    lists, no empty places."""
    answers = empty_answers(CURRENT_VERSION)
    answers["A2"]["no_changes"] = True
    answers["A8"].update(waiting_lists=False, empty_places=False)
    answers["A10"].update(ddh="unchanged", ish="rising")
    answers["B1"].update(empty_places=False, waiting_lists=False)
    answers.update(changes)
    return answers
