"""Open early joint actions on the start page's work list: the secretariat sees all, an
operator those of its own members' offers."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist

from .access import visible_joint_actions
from .models import JointActionStatus


def count_open(user) -> int:
    roles = roles_for(user)
    if not (roles.is_secretariat or roles.is_operator):
        return 0
    return visible_joint_actions(user).filter(status=JointActionStatus.OPEN).count()


def register() -> None:
    worklist.register(
        "enhanced_cooperation.joint_actions_open",
        label=_("Open early joint actions"),
        count=count_open,
        url=lambda: reverse("enhanced_cooperation:joint_actions"),
        position=75,
    )
