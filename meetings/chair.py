"""The expert panel's chair for the enhanced cooperation's remarks (issue 14): the user holds a
current seat as chair ("formand") in Ekspertpanelet."""

from .access import EXPERT_PANEL_BODY
from .models import BodyMember, BodyRole


def chairs_expert_panel(user) -> bool:
    return (
        BodyMember.objects.current()
        .filter(user=user, role=BodyRole.CHAIR, body__short_name=EXPERT_PANEL_BODY)
        .exists()
    )
