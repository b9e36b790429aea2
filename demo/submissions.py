"""Demo rounds: the 2013 demand/capacity round as the real annex looked (Rebild did not hand
in), and an open round for the coming year that the demo reporters can fill in."""

import datetime as dt

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from demo.submission_answers import demo_answers_2013
from organisations.models import OrganisationUnit
from submissions import services
from submissions.models import ReportingRound, RoundKind

TITLE_2013 = "Tilbagemelding på behov og efterspørgsel 2013"


def _municipal_units():
    return OrganisationUnit.objects.filter(
        organisation__kind="municipality",
        organisation__party_to_agreement=True,
        reports_separately=True,
    ).order_by("code")


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def load_demo_rounds() -> None:
    units = list(_municipal_units())
    if not ReportingRound.objects.filter(title=TITLE_2013).exists():
        _load_2013(units)
    year = timezone.localdate().year + 1
    title = f"Tilbagemelding på behov og efterspørgsel {year}"
    if not ReportingRound.objects.filter(title=title).exists():
        today = timezone.localdate()
        current = services.round_create(
            kind=RoundKind.DEMAND_CAPACITY,
            year=year,
            title=title,
            opens_on=today - dt.timedelta(days=7),
            deadline=dt.date(today.year, 12, 18)
            if today < dt.date(today.year, 12, 18)
            else today + dt.timedelta(days=21),
            units=units,
        )
        services.round_open(reporting_round=current)


def _load_2013(units) -> None:
    reporting_round = services.round_create(
        kind=RoundKind.DEMAND_CAPACITY,
        year=2013,
        title=TITLE_2013,
        opens_on=dt.date(2012, 11, 15),
        deadline=dt.date(2012, 12, 14),
        units=units,
    )
    services.round_open(reporting_round=reporting_round)
    answers = demo_answers_2013()
    handed_in = dt.datetime(2012, 12, 10, 12, 0, tzinfo=timezone.get_default_timezone())
    for offset, unit in enumerate(u for u in units if u.code in answers):
        submission = services.submission_for(reporting_round=reporting_round, unit=unit)
        services.submission_save_step(
            submission=submission, step="demo", answers=answers[unit.code], user=None
        )
        services.submission_submit(
            submission=submission, user=None, submitted_at=handed_in + dt.timedelta(hours=offset)
        )
    services.round_close(reporting_round=reporting_round)
