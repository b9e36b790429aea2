"""The members of the bodies (issue 13): seats with a role and a period, added, changed and
ended by the secretariat. simple_history logs every change. A member with a user in DAS, KKR
or the expert panel also gets the access role for it while their period runs, and loses it
when it ends (unless another current seat in the same body still justifies it)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import Body as AccessBody
from organisations.models import Membership, Role
from socialaftale.lib.edits import check_token, fields_token

from .access import EXPERT_PANEL_BODY
from .models import Body, BodyMember

FIELDS = ["user", "name", "organisation", "email", "role", "starts_on", "ends_on"]
# How far back the sweep looks for seats that began or ended (a day missed by the beat is
# caught up; a role the secretariat gives by hand later is not undone).
SYNC_WINDOW_DAYS = 7


def access_role(body: Body) -> dict | None:
    """The organisations.Membership a seat in the body gives, or None (a body without
    portal access of its own, e.g. KDK)."""
    if body.short_name == EXPERT_PANEL_BODY:
        return {"role": Role.EXPERT_PANEL, "body": ""}
    if body.short_name in AccessBody.values:
        return {"role": Role.BODY_MEMBER, "body": body.short_name}
    return None


def sync_access(user, body: Body, today: dt.date | None = None) -> bool:
    """Give or take the access role the user's seats in the body justify on the day; True
    when it changed."""
    scope = access_role(body)
    if user is None or scope is None:
        return False
    seated = BodyMember.objects.current(today).filter(user=user, body=body).exists()
    existing = Membership.objects.filter(user=user, **scope)
    if seated and not existing.exists():
        Membership.objects.create(user=user, **scope)
        return True
    if not seated:
        return existing.delete()[0] > 0
    return False


def sync_due_access(now=None) -> int:
    """The job sweep's pass (every minute): seats that began or ended in the last days give or
    take the access role on their day, though nobody saved them then. Returns the changes."""
    today = timezone.localdate(now) if now else timezone.localdate()
    since = today - dt.timedelta(days=SYNC_WINDOW_DAYS)
    began = Q(starts_on__gt=since, starts_on__lte=today)
    ended = Q(ends_on__gte=since - dt.timedelta(days=1), ends_on__lt=today)
    due = BodyMember.objects.filter(began | ended, user__isnull=False)
    pairs = {(m.user, m.body) for m in due.select_related("user", "body")}
    with transaction.atomic():
        return sum(sync_access(user, body, today) for user, body in pairs)


def _check(values: dict) -> None:
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": _("The membership cannot end before it starts.")})


@transaction.atomic
def member_add(*, body: Body, **values) -> BodyMember:
    _check(values)
    member = BodyMember.objects.create(body=body, **values)
    sync_access(member.user, body)
    return member


def member_token(member: BodyMember) -> str:
    return fields_token(member, FIELDS)


@transaction.atomic
def member_update(*, member: BodyMember, expected_token: str | None = None, **values):
    """Refused with StaleEdit if someone else saved the member since the form was shown."""
    stored = BodyMember.objects.select_for_update().get(pk=member.pk)
    check_token(expected_token, member_token(stored))
    _check(values)
    user_before = stored.user
    for name, value in values.items():
        setattr(stored, name, value)
    stored.save()
    sync_access(stored.user, stored.body)
    if user_before and user_before != stored.user:
        sync_access(user_before, stored.body)
    return stored


@transaction.atomic
def member_end(*, member: BodyMember, ends_on: dt.date | None = None) -> BodyMember | None:
    """The seat ends on its last day (by default yesterday: no longer a member from today); the
    access role goes with the last seat. A seat ended before it began, without a date given,
    is withdrawn (history keeps it) and None returned; a date given before it began is
    refused with ValidationError."""
    stored = (
        BodyMember.objects.select_for_update(of=("self",))
        .select_related("user", "body")
        .get(pk=member.pk)
    )
    last_day = ends_on or timezone.localdate() - dt.timedelta(days=1)
    if stored.starts_on and last_day < stored.starts_on:
        if ends_on is not None:
            _check({"starts_on": stored.starts_on, "ends_on": ends_on})
        stored.delete()
        sync_access(stored.user, stored.body)
        return None
    stored.ends_on = last_day
    stored.save(update_fields=["ends_on"])
    sync_access(stored.user, stored.body)
    return stored
