"""Which documents exist: each app registers its kinds in its AppConfig.ready().

A kind knows its title, how to render its bytes and who may see it; the documents app knows
nothing else about tariffs, monitoring or meetings.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    title: Callable[[dict], str]
    render: Callable[[dict, Progress], bytes]
    can_view: Callable[[object, dict], bool]
    key: Callable[[dict], str]
    # Who may order a new version (default: whoever may view it).
    can_request: Callable[[object, dict], bool] | None = None
    # Only the newest finished version is shown to others than the secretariat (e.g. meeting
    # documents: members read the current agenda; earlier versions stay with the secretariat).
    latest_only: bool = False


_KINDS: dict[str, DocumentKind] = {}
_SIMPLE = re.compile(r"[\w.-]{1,40}=[\w.-]{1,40}")


def default_key(kind: str) -> Callable[[dict], str]:
    """ "kind:year=2019" for simple params (2019 and "2019" give the same key), else the kind and
    the params as compact sorted JSON, hashed when long."""

    def key(params: dict) -> str:
        if not params:
            return kind
        pairs = [f"{name}={value}" for name, value in sorted(params.items())]
        if all(_SIMPLE.fullmatch(pair) for pair in pairs):
            return f"{kind}:{','.join(pairs)}"
        text = json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if len(kind) + len(text) > 200:
            text = hashlib.sha256(text.encode()).hexdigest()
        return f"{kind}:{text}"

    return key


def register(
    kind: str,
    *,
    title: Callable[[dict], str],
    render: Callable[[dict, Progress], bytes],
    can_view: Callable[[object, dict], bool],
    key: Callable[[dict], str] | None = None,
    can_request: Callable[[object, dict], bool] | None = None,
    latest_only: bool = False,
) -> DocumentKind:
    if kind in _KINDS:
        raise ImproperlyConfigured(f"Document kind {kind!r} is registered twice")
    entry = DocumentKind(kind, title, render, can_view, key or default_key(kind), can_request,
                         latest_only)  # fmt: skip
    _KINDS[kind] = entry
    return entry


def unregister(kind: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(kind, None)


def get(kind: str) -> DocumentKind:
    """The registered kind; KeyError for an unknown one."""
    return _KINDS[kind]
