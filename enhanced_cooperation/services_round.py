"""The year's round (SPEC §1, week 5): one round of kind "annual_report" in which each
member's operator writes the annual reports of its members and every party may nominate new
offers before the deadline (before the expert panel's April meeting). Built on the round
engine: drafts, hand-in, receipts, versions, reopening and reminders are the engine's."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.models import Organisation, OrganisationUnit
from submissions import mail
from submissions import services as rounds
from submissions.models import ReportingRound, RoundKind

from . import reassessment
from .models import Member, Period


def reporting_members(year: int):
    """The members asked for an annual report in `year`: members that year that have not
    given notice of leaving."""
    return Member.objects.reporting(year).prefetch_related("offers__operator").order_by("name")


def operator_unit(organisation: Organisation) -> OrganisationUnit:
    """The unit an operator's annual reports are handed in under: its default unit."""
    units = organisation.units.order_by("-is_default", "code")
    unit = units.first()
    if unit is None:
        raise ValidationError(
            _("%(operator)s has no unit to hand in under; add one on its page first.")
            % {"operator": organisation.name}
        )
    return unit


def operators_of(members) -> list[Organisation]:
    operators = {offer.operator for member in members for offer in member.offers.all()}
    return sorted(operators, key=lambda o: o.name)


def round_title(year: int) -> str:
    return _("The enhanced cooperation %(year)s: annual reports and nominations") % {"year": year}


def default_dates(year: int) -> tuple[dt.date, dt.date]:
    """Week 5 opens the round; the deadline is four weeks before 1 April (the panel meets
    in April)."""
    opens_on = dt.date.fromisocalendar(year, 5, 1)
    return opens_on, dt.date(year, 3, 4)


def _open(*, kind, year, title, opens_on, deadline, reminder_days, exists) -> ReportingRound:
    """Make and open a round of `kind` for `year` with each member's operator's unit, and
    send its letter once the transaction commits."""
    if ReportingRound.objects.filter(kind=kind, year=year).exists():
        raise ValidationError(exists % {"year": year})
    members = list(reporting_members(year))
    if not members:
        raise ValidationError(_("There are no members in %(year)s.") % {"year": year})
    reporting_round = rounds.round_create(
        kind=kind,
        year=year,
        title=title,
        opens_on=opens_on,
        deadline=deadline,
        units=[operator_unit(operator) for operator in operators_of(members)],
        reminder_days=reminder_days,
    )
    rounds.round_open(reporting_round=reporting_round)
    transaction.on_commit(lambda: send_invitations(reporting_round.pk))
    return reporting_round


@transaction.atomic
def year_round_open(
    *, year: int, opens_on: dt.date, deadline: dt.date, reminder_days=None
) -> ReportingRound:
    """Make and open the year's round, and send the week-5 letter: each member's operator its
    annual-report form, every party's units the nomination form."""
    return _open(
        kind=RoundKind.ANNUAL_REPORT,
        year=year,
        title=round_title(year),
        opens_on=opens_on,
        deadline=deadline,
        reminder_days=reminder_days,
        exists=_("The round for %(year)s already exists."),
    )


@transaction.atomic
def reassessment_round_open(
    *, period: Period, opens_on: dt.date, deadline: dt.date, reminder_days=None
) -> ReportingRound:
    """Make and open the re-assessment of the period's members (SPEC §6): in the first half of
    the period's last year, each member's operator answers for its members; the letter goes to
    the operators only."""
    year = period.end_year
    if not (
        reassessment.in_first_half(opens_on, year) and reassessment.in_first_half(deadline, year)
    ):
        raise ValidationError(
            _("The re-assessment of %(period)s runs in the first half of %(year)s.")
            % {"period": period.label, "year": year}
        )
    return _open(
        kind=RoundKind.REASSESSMENT,
        year=year,
        title=_("The enhanced cooperation: re-assessment of the members before %(next)s")
        % {"next": year + 1},
        opens_on=opens_on,
        deadline=deadline,
        reminder_days=reminder_days,
        exists=_("The re-assessment of %(year)s already exists."),
    )


def invited_units(reporting_round: ReportingRound) -> list[OrganisationUnit]:
    """The round's units and, for the year's round (nominations are open to everyone), every
    unit of a party to the agreement (each once)."""
    if reporting_round.kind == RoundKind.REASSESSMENT:
        return list(reporting_round.units.select_related("organisation").order_by("code"))
    parties = OrganisationUnit.objects.filter(organisation__party_to_agreement=True)
    units = {unit.pk: unit for unit in parties.select_related("organisation")}
    units.update({unit.pk: unit for unit in reporting_round.units.select_related("organisation")})
    return sorted(units.values(), key=lambda unit: unit.code)


INVITATIONS = {
    RoundKind.ANNUAL_REPORT: "enhanced_cooperation/mail/invitation.txt",
    RoundKind.REASSESSMENT: "enhanced_cooperation/mail/reassessment_invitation.txt",
}


def send_invitations(round_pk: int) -> int:
    reporting_round = ReportingRound.objects.get(pk=round_pk)
    required = set(reporting_round.units.values_list("pk", flat=True))
    subject = reporting_round.title
    template = INVITATIONS[reporting_round.kind]
    for unit in invited_units(reporting_round):
        mail.send_invitation(
            reporting_round,
            unit,
            subject=subject,
            template=template,
            context={"writes_report": unit.pk in required},
            operators=unit.pk in required,
        )
    return len(required)
