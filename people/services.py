"""People and their roles, administered by the secretariat in Danish pages (issue 13): invite
by e-mail (a link to set a password), give and withdraw roles scoped to a unit, an operator or
a body, change a person's details, deactivate and reactivate. Roles are
organisations.Membership rows (simple_history logs them); the rest gets an audit entry here.

Guards: nobody deactivates themselves, and the last active secretariat role is never
withdrawn or deactivated (the portal would have nobody to administer it)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record
from meetings.access import EXPERT_PANEL_BODY
from meetings.models import Body, BodyMember
from meetings.services_members import member_add, member_end
from organisations.models import Body as MembershipBody
from organisations.models import Membership, Role
from socialaftale.lib.edits import check_token, edit_token
from socialaftale.lib.site import absolute_url

User = get_user_model()
DETAILS = ("first_name", "last_name", "email")


def _danish(text: str, **values) -> str:
    with translation.override("da"):
        return _(text) % values


def check_role(role: str, unit=None, organisation=None, body: str = "") -> dict:
    """The membership's scope as the role needs it, or ValidationError naming the field."""
    needs = {
        Role.REPORTER: ("unit", _("A reporter needs a unit.")),
        Role.OPERATOR: ("organisation", _("An operator needs an organisation.")),
        Role.BODY_MEMBER: ("body", _("A member of DAS or KKR needs a body.")),
    }
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the roles.")})
    if body and body not in MembershipBody.values:
        raise ValidationError({"body": _("Choose DAS or KKR.")})
    scope = {"unit": unit, "organisation": organisation, "body": body or ""}
    field, missing = needs.get(role, (None, ""))
    if field and not scope[field]:
        raise ValidationError({field: missing})
    return {
        name: (value if name == field else ("" if name == "body" else None))
        for name, value in scope.items()
    }


def set_password_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("password_reset_confirm", args=[uid, token]))


def send_invitation(user, actor) -> None:
    """The invitation mail with a fresh set-password link; an SMTP fault raises (the view
    says so and offers to send it again) and leaves no audit entry."""
    context = {"user": user, "link": set_password_link(user), "inviter": actor}
    with translation.override("da"):
        subject = _("Invitation to the Nordjysk Socialaftale portal")
        body = render_to_string("people/invitation_email.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    record(
        Action.INVITED,
        actor=actor,
        obj=user,
        summary=_danish("Invitation sent to %(email)s", email=user.email),
    )


def resend_invitation(user, actor) -> None:
    """A new link for a person who has never logged in (and is active); anyone else uses
    "forgot password" on the login page."""
    if user.last_login is not None:
        raise ValidationError(_("The person has already logged in: no invitation is sent."))
    if not user.is_active or not user.email:
        raise ValidationError(_("A deactivated person or one without e-mail gets no invitation."))
    send_invitation(user, actor)


def _seat_body(role: str, body: str) -> Body | None:
    """The body a seat of the role is in (DAS, KKR, Ekspertpanelet), if the portal has it."""
    if role not in (Role.BODY_MEMBER, Role.EXPERT_PANEL):
        return None
    short_name = EXPERT_PANEL_BODY if role == Role.EXPERT_PANEL else body
    return Body.objects.filter(short_name=short_name).first() if short_name else None


def _seat_or_role(user, role: str, scope: dict, workplace: str) -> Membership | None:
    """A member of DAS, KKR or the expert panel gets a seat in the body from today (which
    gives the access role, meetings.services_members); any other role is the membership."""
    seat_body = _seat_body(role, scope["body"])
    if seat_body is not None:
        name = user.get_full_name() or user.username
        member_add(
            body=seat_body,
            user=user,
            name=name,
            organisation=workplace,
            starts_on=timezone.localdate(),
        )
        return Membership.objects.filter(user=user, role=role).first()
    return Membership.objects.create(user=user, role=role, **scope)


@transaction.atomic
def invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    actor,
    unit=None,
    organisation=None,
    body: str = "",
    workplace: str = "",
) -> User:
    email = User.objects.normalize_email(email).strip().lower()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise ValidationError({"email": _("A person with this e-mail address already exists.")})
    scope = check_role(role, unit, organisation, body)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # the same address invited at the same moment
        raise ValidationError(
            {"email": _("A person with this e-mail address already exists.")}
        ) from None
    _seat_or_role(user, role, scope, workplace)
    record(
        Action.CREATED,
        actor=actor,
        obj=user,
        summary=_danish("Person created: %(name)s", name=user.get_full_name()),
    )
    return user


def add_role(*, user, role: str, actor, unit=None, organisation=None, body: str = "") -> Membership:
    scope = check_role(role, unit, organisation, body)
    if Membership.objects.filter(user=user, role=role, **scope).exists():
        raise ValidationError(_("The person already has this role."))
    return _seat_or_role(user, role, scope, workplace="")


def _other_active_secretaries(user) -> bool:
    """Whether someone else stays an active secretary. The secretariat's roles are locked
    first, so two secretaries removing each other at once cannot both succeed."""
    list(Membership.objects.select_for_update().filter(role=Role.SECRETARIAT).values("pk"))
    return (
        Membership.objects.filter(role=Role.SECRETARIAT, user__is_active=True)
        .exclude(user=user)
        .exists()
    )


@transaction.atomic
def withdraw_role(*, membership: Membership, actor) -> None:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.SECRETARIAT and not _other_active_secretaries(membership.user):
        raise ValidationError(_("The last secretariat role cannot be withdrawn."))
    seat_body = _seat_body(membership.role, membership.body)
    seats = BodyMember.objects.current().filter(user=membership.user, body=seat_body)
    for seat in seats if seat_body else ():  # ending the seat ends the role with it
        member_end(member=seat)
    Membership.objects.filter(pk=membership.pk).delete()


@transaction.atomic
def set_active(*, user, active: bool, actor) -> None:
    if not active and user.pk == getattr(actor, "pk", None):
        raise ValidationError(_("You cannot deactivate yourself."))
    is_secretary = Membership.objects.filter(user=user, role=Role.SECRETARIAT).exists()
    if not active and is_secretary and not _other_active_secretaries(user):
        raise ValidationError(_("The last active secretariat member cannot be deactivated."))
    if user.is_active == active:
        return
    User.objects.filter(pk=user.pk).update(is_active=active)
    user.is_active = active
    text = "Person reactivated: %(name)s" if active else "Person deactivated: %(name)s"
    record(Action.CHANGED, actor=actor, obj=user, summary=_danish(text, name=user.get_full_name()))


def _refuse_taken_email(email: str, user) -> None:
    """Another person's e-mail address or login name is refused (case-insensitive)."""
    others = User.objects.exclude(pk=user.pk)
    if others.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise ValidationError({"email": _("A person with this e-mail address already exists.")})


def details_token(user) -> str:
    return edit_token([getattr(user, name) for name in DETAILS])


@transaction.atomic
def update_details(*, user, actor, expected_token=None, **values) -> None:
    """Name and e-mail; refused with StaleEdit if someone else saved them meanwhile."""
    stored = User.objects.select_for_update().get(pk=user.pk)
    check_token(expected_token, details_token(stored))
    values = {**values, "email": values["email"].strip().lower()}
    _refuse_taken_email(values["email"], stored)
    changed = [name for name in DETAILS if getattr(stored, name) != values[name]]
    fields = list(DETAILS)
    if "email" in changed and stored.username.lower() == stored.email.lower():
        stored.username = values["email"]  # the login name is the e-mail address
        fields.append("username")
    for name in DETAILS:
        setattr(stored, name, values[name])
    stored.save(update_fields=fields)
    if changed:
        with translation.override("da"):
            labels = ", ".join(str(User._meta.get_field(n).verbose_name) for n in changed)
        record(
            Action.CHANGED,
            actor=actor,
            obj=stored,
            summary=_danish("Changed: %(fields)s", fields=labels),
        )
