"""Which documents exist: each app registers its kinds in its AppConfig.ready().

A kind knows its parameters (a schema checked before anything is queued), its title, how to
render its bytes and who may see it; the documents app knows nothing else about tariffs,
monitoring or meetings.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

Progress = Callable[[int, str], None]
Params = Callable[[dict], dict]


class UnknownObject(ValidationError):
    """A parameter names a row that does not exist: others than the secretariat get a 404, so
    the answer does not tell which hidden rows exist."""


def schema(**fields: forms.Field) -> Params:
    """A kind's parameters as Django form fields: params -> cleaned params (JSON values, a
    model choice as its key), or ValidationError in Danish naming the parameter. Unknown names
    and values that are not plain strings or numbers are refused."""
    for field in fields.values():  # Django's own message repeats the value; these do not
        field.error_messages["invalid_choice"] = _lazy("Choose one of the allowed values.")
    form_class = type("DocumentParams", (forms.Form,), dict(fields))

    def clean(params: dict) -> dict:
        if not isinstance(params, dict):
            raise ValidationError(_("Document parameters must be a JSON object."))
        if set(params) - set(fields):
            raise ValidationError(_("The document has parameters it does not know."))
        plain = {
            n: v
            for n, v in params.items()
            if isinstance(v, str | int) and v is not True and v is not False
        }
        form = form_class(data=plain)
        if not form.is_valid():
            _refuse(form, fields)
        return {name: _json_value(fields[name], value) for name, value in form.cleaned_data.items()}

    return clean


def _refuse(form, fields) -> None:
    messages = [f"{name}: {message}" for name, errors in form.errors.items() for message in errors]
    models = {name for name, field in fields.items() if isinstance(field, forms.ModelChoiceField)}
    codes = {e.code for name in form.errors for e in form.errors.as_data()[name]}
    if set(form.errors) <= models and codes == {"invalid_choice"}:
        raise UnknownObject(messages)
    raise ValidationError(messages)


def _json_value(field: forms.Field, value):
    if isinstance(value, Model):
        return getattr(value, getattr(field, "to_field_name", None) or "pk")
    return value


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    params: Params
    title: Callable[[dict], str]
    render: Callable[[dict, Progress], bytes]
    can_view: Callable[[object, dict], bool]
    key: Callable[[dict], str]
    # Who may order a new version (default: whoever may view it).
    can_request: Callable[[object, dict], bool] | None = None
    # Only the newest finished version is shown to others than the secretariat (e.g. meeting
    # documents: members read the current agenda; earlier versions stay with the secretariat).
    latest_only: bool = False
    # The version of what the document shows (an analysis run's, a financing split's), for its
    # file name; without one, the file name carries the document's own version number.
    version: Callable[[dict], int | str] | None = None


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


def joined_key(kind: str, *names: str) -> Callable[[dict], str]:
    """ "kind:value:value" from the named params in this order (the meetings' documents:
    "meetings.document:DAS-2019-05-21:agenda")."""

    def key(params: dict) -> str:
        return ":".join([kind, *(str(params[name]) for name in names)])

    return key


def register(
    kind: str,
    *,
    params: Params,
    title: Callable[[dict], str],
    render: Callable[[dict, Progress], bytes],
    can_view: Callable[[object, dict], bool],
    key: Callable[[dict], str] | None = None,
    can_request: Callable[[object, dict], bool] | None = None,
    latest_only: bool = False,
    version: Callable[[dict], int | str] | None = None,
) -> DocumentKind:
    if kind in _KINDS:
        raise ImproperlyConfigured(f"Document kind {kind!r} is registered twice")
    entry = DocumentKind(
        kind,
        params,
        title,
        render,
        can_view,
        key or default_key(kind),
        can_request,
        latest_only,
        version,
    )
    _KINDS[kind] = entry
    return entry


def unregister(kind: str) -> None:
    """For tests that register a kind of their own."""
    _KINDS.pop(kind, None)


def get(kind: str) -> DocumentKind:
    """The registered kind; KeyError for an unknown one."""
    return _KINDS[kind]


def document_key(kind: str, params: dict) -> str:
    """The key a document of this kind with these (cleaned) parameters is stored under: its
    versions share it. The one place keys are made; nobody builds them by string."""
    return _KINDS[kind].key(params)


def shown_version(kind: str, params: dict, own_version: int) -> int | str:
    """The version a document's file name carries: that of what it shows when its kind says
    (analysis run 2's report is "…-v2.pdf" however often it was rendered), else its own."""
    entry = _KINDS.get(kind)
    if entry is None or entry.version is None:
        return own_version
    try:
        return entry.version(params)
    except (ObjectDoesNotExist, KeyError):  # the object is gone: the document keeps its number
        return own_version
