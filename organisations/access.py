"""Who may see what, for organisations and for roles in general.

Every view asks one of these helpers. What a user may not see is a 404, never a hint that it
exists.
"""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Organisation, Role


@dataclass(frozen=True)
class UserRoles:
    is_authenticated: bool = False
    is_secretariat: bool = False
    reporter_unit_ids: frozenset[int] = field(default_factory=frozenset)
    operator_organisation_ids: frozenset[int] = field(default_factory=frozenset)
    bodies: frozenset[str] = field(default_factory=frozenset)
    is_expert_panel: bool = False

    @property
    def is_reporter(self):
        return bool(self.reporter_unit_ids)

    @property
    def is_operator(self):
        return bool(self.operator_organisation_ids)

    @property
    def is_body_member(self):
        return bool(self.bodies)

    @property
    def sees_meetings(self):
        """The meetings menu and start-page card: the secretariat, the bodies' members and
        the expert panel (the members of Ekspertpanelet)."""
        return self.is_secretariat or self.is_body_member or self.is_expert_panel


def roles_for(user) -> UserRoles:
    """The user's roles, read once per request object and cached on it."""
    if not getattr(user, "is_authenticated", False):
        return UserRoles()
    cached = getattr(user, "_socialaftale_roles", None)
    if cached is not None:
        return cached
    memberships = list(Membership.objects.filter(user=user))
    roles = UserRoles(
        is_authenticated=True,
        is_secretariat=user.is_superuser or any(m.role == Role.SECRETARIAT for m in memberships),
        reporter_unit_ids=frozenset(m.unit_id for m in memberships if m.role == Role.REPORTER),
        operator_organisation_ids=frozenset(
            m.organisation_id for m in memberships if m.role == Role.OPERATOR
        ),
        bodies=frozenset(m.body for m in memberships if m.role == Role.BODY_MEMBER),
        is_expert_panel=any(m.role == Role.EXPERT_PANEL for m in memberships),
    )
    user._socialaftale_roles = roles
    return roles


def require_secretariat(user) -> None:
    """Secretariat-only pages: anyone else gets a 404."""
    if not roles_for(user).is_secretariat:
        raise Http404


def get_organisation_for_user(user, code: str) -> Organisation:
    """Regions and municipalities are public reference data (found by DST code); private
    operators have no code and no public page."""
    public = Organisation.objects.exclude(kind="private").select_related("region")
    return get_object_or_404(public, code=code)
