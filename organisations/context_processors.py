from dataclasses import dataclass

from .access import roles_for


@dataclass(frozen=True)
class Menu:
    """Which of the main menu's entries the user gets (base.html)."""

    rounds: bool = False  # operators hand in to rounds too (tariffs, annual reports)
    monitoring: bool = False
    meetings: bool = False
    change_notices: bool = False  # the start page links the change notices (notices.access rule)
    people: bool = False  # the secretariat's people and roles pages
    administration: bool = False  # Django's admin: superusers only


def menu(request):
    roles = roles_for(request.user)
    return {
        "menu": Menu(
            rounds=roles.is_secretariat or roles.is_reporter or roles.is_operator,
            monitoring=roles.is_secretariat or roles.is_reporter,
            meetings=roles.sees_meetings,
            change_notices=roles.is_secretariat
            or roles.is_reporter
            or roles.is_operator
            or roles.is_body_member,
            people=roles.is_secretariat,
            administration=getattr(request.user, "is_superuser", False),
        )
    }
