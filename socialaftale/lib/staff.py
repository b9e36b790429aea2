"""Who is the secretariat (who sees everything), for the apps below organisations (documents):
organisations, which knows the roles, registers its rule here in its AppConfig.ready()."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_rule: list[Callable[[object], bool]] = []


def register(rule: Callable[[object], bool]) -> None:
    _rule[:] = [rule]


def is_secretariat(user) -> bool:
    if not _rule:
        raise ImproperlyConfigured("No secretariat rule is registered (organisations.apps)")
    return bool(_rule[0](user))
