"""Who chairs the expert panel (issue 14): the chair marks the panel's remarks final. The
bodies and their seats live in the meetings app, above this one, so meetings registers the
rule in its AppConfig.ready() (a current seat as "formand" in Ekspertpanelet). The
secretariat may always finalise too (it keeps the panel's papers)."""

from collections.abc import Callable

from organisations.access import roles_for

_RULE: list[Callable[[object], bool]] = []


def set_chair_rule(rule: Callable[[object], bool]) -> None:
    """`rule(user) -> bool`: the user chairs the expert panel now. A later rule replaces an
    earlier one (tests set their own)."""
    _RULE[:] = [rule]


def clear_chair_rule() -> None:
    _RULE.clear()


def is_chair(user) -> bool:
    """The user chairs the expert panel (no rule registered: nobody)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(_RULE) and bool(_RULE[0](user))


def may_finalise(user) -> bool:
    """The panel's chair or the secretariat marks remarks final."""
    return roles_for(user).is_secretariat or is_chair(user)
