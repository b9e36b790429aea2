"""Which organisation and unit an audit entry concerns, per model: each app registers its
models in its AppConfig.ready() (audit knows no other app's models). The log page shows a
reporter the entries of their own unit and an operator those of their own organisation."""

from collections.abc import Callable

Scope = tuple[int | None, int | None]  # (organisation id, unit id)

_SCOPES: dict[type, Callable[[object], Scope]] = {}


def register(model: type, scope: Callable[[object], Scope]) -> None:
    _SCOPES[model] = scope


def scope_of(instance) -> Scope:
    scope = _SCOPES.get(type(instance))
    return scope(instance) if scope else (None, None)
