"""Writes of change notices and development plans. Every change is logged by simple_history
(the one audit log reads it); the party giving notice is the offer's operator."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from offers.models import Offer
from socialaftale.lib.edits import check_token, fields_token

from .models import ChangeNotice, DevelopmentPlan, NoticeKind

EDITABLE = [
    "kind",
    "description",
    "decided_on",
    "noticed_on",
    "takes_effect_on",
    "places_before",
    "places_after",
]


def check_notice(values: dict, today) -> None:
    """The notice's dates and places in order, or ValidationError in Danish per field."""
    errors = {}
    if values["noticed_on"] > today:
        errors["noticed_on"] = _("The notice date cannot be in the future.")
    effect = values.get("takes_effect_on")
    if effect is not None and effect < values["decided_on"]:
        errors["takes_effect_on"] = _("The change cannot take effect before it is decided.")
    if values["kind"] == NoticeKind.PLACES:
        before, after = values.get("places_before"), values.get("places_after")
        if after is None:
            errors["places_after"] = _("Give the number of places after the change.")
        elif before is not None and before == after:
            errors["places_after"] = _("The places before and after the change are the same.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_notice(*, offer: Offer, user, today=None, **values) -> ChangeNotice:
    check_notice(values, today or timezone.localdate())
    notice = ChangeNotice(offer=offer, party_id=offer.operator_id, created_by=user, **values)
    notice.full_clean()
    notice.save()
    return notice


def notice_token(notice: ChangeNotice) -> str:
    return fields_token(notice, EDITABLE)


@transaction.atomic
def update_notice(
    *, notice: ChangeNotice, user, expected_token=None, today=None, **values
) -> ChangeNotice:
    """Refused with StaleEdit if someone else saved the notice since the form was shown."""
    stored = ChangeNotice.objects.select_for_update().get(pk=notice.pk)
    check_token(expected_token, notice_token(stored))
    check_notice(values, today or timezone.localdate())
    changed = [
        name for name in EDITABLE if name in values and getattr(stored, name) != values[name]
    ]
    for name in changed:
        setattr(stored, name, values[name])
    stored.full_clean()
    if changed:
        stored.save(update_fields=changed)
    return stored


def _previous_plan(offer: Offer, year: int) -> DevelopmentPlan | None:
    return offer.development_plans.filter(year__lt=year).order_by("-year").first()


@transaction.atomic
def record_plan(*, offer: Offer, year: int, submitted_on, summary: str, user, today=None):
    """A development plan, or the yearly follow-up of the offer's latest earlier one."""
    today = today or timezone.localdate()
    if submitted_on > today:
        raise ValidationError({"submitted_on": _("The date cannot be in the future.")})
    if abs(year - today.year) > 1:
        raise ValidationError({"year": _("The year must be this year, last year or next year.")})
    if offer.development_plans.filter(year=year).exists():
        raise ValidationError(
            {"year": _("A development plan for this offer and year is already recorded.")}
        )
    plan = DevelopmentPlan(
        offer=offer,
        year=year,
        submitted_on=submitted_on,
        summary=summary,
        follow_up_of=_previous_plan(offer, year),
        created_by=user,
    )
    plan.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # recorded by someone else at the same moment
        raise ValidationError(
            {"year": _("A development plan for this offer and year is already recorded.")}
        ) from None
    return plan
