"""Writes of early joint action (tidlig fælles indsats, SPEC §6): the secretariat opens one
for a member and a year when the signals point to falling demand, records the decisions taken
on it and closes it. Recording a decision and closing are refused with StaleEdit when someone
else changed the action (or recorded a decision) since the page was shown. simple_history
logs every change of the action."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialaftale.lib.cpr import has_cpr_like
from socialaftale.lib.edits import check_unchanged, edit_token

from .models import JointAction, JointActionDecision, JointActionStatus, Member

MAX_TEXT = 5000


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def check_text(model, field: str, text: str, max_length: int = MAX_TEXT) -> str:
    """The text stripped, or ValidationError naming the field: empty, too long, CPR-like."""
    text, label = (text or "").strip(), _label(model, field)
    if not text:
        raise ValidationError({field: _("Fill in the field »%(field)s«.") % {"field": label}})
    if len(text) > max_length:
        message = _("The field »%(field)s« is too long (at most %(max)d characters).")
        raise ValidationError({field: message % {"field": label, "max": max_length}})
    if has_cpr_like(text):
        message = _("The field »%(field)s« looks like it holds a CPR number; remove it.")
        raise ValidationError({field: message % {"field": label}})
    return text


def joint_action_token(action: JointAction) -> str:
    """What the detail page was shown from: the action and its decisions."""
    return edit_token(action, list(action.decisions.order_by("pk")))


@transaction.atomic
def joint_action_open(*, member: Member, year: int, reason: str, user, today=None):
    """A new open joint action; one open action per member at a time."""
    today = today or timezone.localdate()
    reason = check_text(JointAction, "reason", reason)
    if not Member.objects.in_year(year).filter(pk=member.pk).exists():
        raise ValidationError(
            {
                "year": _("%(member)s is not a member in %(year)s.")
                % {"member": member.name, "year": year}
            }
        )
    Member.objects.select_for_update().get(pk=member.pk)  # one opening at a time per member
    if member.joint_actions.filter(status=JointActionStatus.OPEN).exists():
        raise ValidationError(
            {"member": _("%(member)s already has an open joint action.") % {"member": member.name}}
        )
    return JointAction.objects.create(
        member=member, year=year, opened_on=today, reason=reason, opened_by=user
    )


def _locked_open(action: JointAction, expected_token) -> JointAction:
    stored = JointAction.objects.select_for_update(of=("self",)).get(pk=action.pk)
    check_unchanged(expected_token, stored, list(stored.decisions.order_by("pk")))
    if stored.status != JointActionStatus.OPEN:
        raise ValidationError(_("The joint action is closed."))
    return stored


@transaction.atomic
def joint_action_decide(
    *,
    action: JointAction,
    decided_on,
    decided_by: str,
    text: str,
    user,
    expected_token=None,
    today=None,
) -> JointActionDecision:
    stored = _locked_open(action, expected_token)
    today = today or timezone.localdate()
    errors = {}
    if decided_on > today:
        errors["decided_on"] = _("The decision date cannot be in the future.")
    elif decided_on < stored.opened_on:
        errors["decided_on"] = _("The decision cannot be before the joint action was opened.")
    if errors:
        raise ValidationError(errors)
    return JointActionDecision.objects.create(
        action=stored,
        decided_on=decided_on,
        decided_by=check_text(JointActionDecision, "decided_by", decided_by, 200),
        text=check_text(JointActionDecision, "text", text),
        recorded_by=user,
    )


@transaction.atomic
def joint_action_close(*, action: JointAction, user, expected_token=None, today=None):
    stored = _locked_open(action, expected_token)
    stored.status = JointActionStatus.CLOSED
    stored.closed_on = today or timezone.localdate()
    stored.save(update_fields=["status", "closed_on"])
    return stored
