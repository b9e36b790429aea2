"""Writes of the members, the periods and the exits (issue 14, SPEC §6). Every change is
logged by simple_history; an edit form's token refuses a save over someone else's."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialaftale.lib.edits import check_token, fields_token

from .models import Exit, ExitStatus, Member, Period

MEMBER_FIELDS = [
    "period",
    "name",
    "offers",
    "target_group",
    "criterion_target_group",
    "criterion_competences",
    "criterion_profile",
    "criterion_only_offer",
    "decided_by",
    "decision_meeting",
    "decided_on",
]
PERIOD_FIELDS = ["start_year", "end_year", "rights_and_duties"]
EXIT_DECISION_FIELDS = ["decision_meeting", "decided_on", "ends_on", "decision"]


def member_token(member: Member) -> str:
    return fields_token(member, MEMBER_FIELDS)


def period_token(period: Period) -> str:
    return fields_token(period, PERIOD_FIELDS)


def exit_token(exit_: Exit) -> str:
    return fields_token(exit_, EXIT_DECISION_FIELDS)


def _not_in_future(values: dict, name: str, today) -> dict:
    day = values.get(name)
    if day is not None and day > today:
        return {name: _("The date cannot be in the future.")}
    return {}


def _saved(instance, refused: dict):
    """Save, turning a unique clash with someone saving at the same moment into a message."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError(refused) from None
    return instance


@transaction.atomic
def member_save(*, member=None, offers, expected_token=None, today=None, **values) -> Member:
    """A new member (member None) or an edit, refused with StaleEdit if someone else saved
    the member since the form was shown."""
    if member is not None:
        member = Member.objects.select_for_update(of=("self",)).get(pk=member.pk)
        check_token(expected_token, member_token(member))
    else:
        member = Member()
    errors = _not_in_future(values, "decided_on", today or timezone.localdate())
    if not offers:
        errors["offers"] = _("Choose at least one offer.")
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(member, name, value)
    member.full_clean()
    _saved(member, {"name": _("The period already has a member of this name.")})
    member.offers.set(offers)
    return member


def _check_period(values: dict, period) -> None:
    start, end = values["start_year"], values["end_year"]
    if end < start:
        raise ValidationError({"end_year": _("The last year cannot be before the first.")})
    overlapping = Period.objects.filter(start_year__lte=end, end_year__gte=start)
    if period is not None:
        overlapping = overlapping.exclude(pk=period.pk)
    if clash := overlapping.first():
        raise ValidationError(
            {"start_year": _("The years overlap the period %(period)s.") % {"period": clash}}
        )


@transaction.atomic
def period_save(*, period=None, expected_token=None, **values) -> Period:
    if period is not None:
        period = Period.objects.select_for_update().get(pk=period.pk)
        check_token(expected_token, period_token(period))
    else:
        period = Period()
    _check_period(values, period if period.pk else None)
    for name, value in values.items():
        setattr(period, name, value)
    period.full_clean()
    return _saved(period, {"start_year": _("A period with this first year exists.")})


@transaction.atomic
def exit_notice(*, member: Member, given_by, noticed_on, reason: str, today=None) -> Exit:
    """Notice of leaving, by an operator of the member's offers (given_by) or by DAS (None).
    A withdrawn notice may be followed by a new one; an open or decided one may not."""
    member = Member.objects.select_for_update(of=("self",)).get(pk=member.pk)
    errors = _not_in_future({"noticed_on": noticed_on}, "noticed_on", today or timezone.localdate())
    if errors:
        raise ValidationError(errors)
    if member.ends_on is not None:
        raise ValidationError(_("The membership has already ended."))
    exit_ = Exit.objects.filter(member=member).first() or Exit(member=member)
    if exit_.pk and exit_.status != ExitStatus.WITHDRAWN:
        raise ValidationError(_("Notice of leaving has already been given for this member."))
    for name in EXIT_DECISION_FIELDS:
        setattr(exit_, name, Exit._meta.get_field(name).get_default())
    exit_.given_by, exit_.noticed_on, exit_.reason = given_by, noticed_on, reason
    exit_.status = ExitStatus.NOTICED
    exit_.full_clean()
    exit_.save()
    return exit_


def _period_end(period: Period) -> dt.date:
    return dt.date(period.end_year, 12, 31)


def _check_decision(exit_: Exit, values: dict, today) -> None:
    errors = _not_in_future(values, "decided_on", today)
    ends_on, period = values["ends_on"], exit_.member.period
    if ends_on < exit_.noticed_on:
        errors["ends_on"] = _("The membership cannot end before the notice was given.")
    elif not dt.date(period.start_year, 1, 1) <= ends_on <= _period_end(period):
        errors["ends_on"] = _("The end date must lie in the period %(period)s.") % {
            "period": period
        }
    if errors:
        raise ValidationError(errors)


def _locked_open_exit(exit_: Exit, expected_token) -> Exit:
    exit_ = (
        Exit.objects.select_for_update(of=("self",))
        .select_related("member__period")
        .get(pk=exit_.pk)
    )
    check_token(expected_token, exit_token(exit_))
    if exit_.status != ExitStatus.NOTICED:
        raise ValidationError(_("The exit has already been decided or withdrawn."))
    return exit_


@transaction.atomic
def exit_decide(*, exit: Exit, expected_token=None, today=None, **values) -> Exit:  # noqa: A002
    """DAS's decision (with the October tariff appendix): the membership ends on `ends_on`
    with the notice's reason."""
    exit_ = _locked_open_exit(exit, expected_token)
    _check_decision(exit_, values, today or timezone.localdate())
    for name in EXIT_DECISION_FIELDS:
        setattr(exit_, name, values[name])
    exit_.status = ExitStatus.DECIDED
    exit_.full_clean()
    exit_.save()
    member = Member.objects.select_for_update(of=("self",)).get(pk=exit_.member_id)
    member.ends_on, member.end_reason = exit_.ends_on, exit_.reason
    member.save(update_fields=["ends_on", "end_reason"])
    return exit_


@transaction.atomic
def exit_withdraw(*, exit: Exit, expected_token=None) -> Exit:  # noqa: A002
    exit_ = _locked_open_exit(exit, expected_token)
    exit_.status = ExitStatus.WITHDRAWN
    exit_.save(update_fields=["status"])
    return exit_
