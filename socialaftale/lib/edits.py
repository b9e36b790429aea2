"""Refusing a stale save (a lost update): an edit form carries a token of what the user saw;
the service takes the row lock (select_for_update), computes the token of what is stored now
and refuses the save if someone else saved in between. The view then shows the form again
with what the user typed, a Danish message and a fresh token, so a second save is a
deliberate one.

The token is a fingerprint of the stored values (no version column, no migration); a form
that edits part of a row (one questionnaire step) fingerprints only that part."""

import hashlib
import hmac
import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

TOKEN_NAME = "edit_token"  # noqa: S105 - a form field name, not a secret
STALE_MESSAGE = _(
    "Someone else saved this while you were editing it. Nothing was overwritten, and what you "
    "typed is kept below: compare it with the saved version (open the page again in another "
    "tab) and save again to replace it."
)


class StaleEdit(ValidationError):
    def __init__(self, message=STALE_MESSAGE):
        super().__init__(message, code="stale")


def edit_token(*parts) -> str:
    """Model instances (all their stored fields), querysets and JSON-able values -> token."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(json.dumps(_plain(part), sort_keys=True, default=str).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]


def _plain(part):
    if isinstance(part, Model):
        return [
            type(part).__name__,
            {f.attname: f.value_from_object(part) for f in part._meta.concrete_fields},
        ]
    if isinstance(part, QuerySet | list | tuple):
        return [_plain(item) for item in part]
    return part


def fields_token(instance: Model, fields=None, exclude=None) -> str:
    """The token of some of a row's fields (a form's fields; many-to-many as sorted keys)."""
    values = model_to_dict(instance, fields=fields, exclude=exclude)
    return edit_token(
        {
            name: sorted(v.pk for v in value) if isinstance(value, list) else value
            for name, value in values.items()
        }
    )


def check_unchanged(expected: str | None, *parts) -> None:
    """In the service, after locking the rows: StaleEdit unless `expected` is the token of
    `parts` as stored now. None means the caller is not a form (a command, a task, a test
    fixture) and checks nothing; a form without a token sends "" and is refused."""
    if expected is not None:
        check_token(expected, edit_token(*parts))


def check_token(expected: str | None, current: str) -> None:
    # As bytes: compare_digest refuses str with non-ASCII characters (a posted token may
    # hold anything); a token that is not the current one is stale either way.
    if expected is not None and not hmac.compare_digest(
        str(expected).encode("utf-8", "replace"), current.encode()
    ):
        raise StaleEdit()


class EditTokenField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=64, **kwargs)


class EditTokenMixin:
    """For a ModelForm that edits an existing row: a hidden token of the row's values of the
    form's own fields, as the form was shown. Save it with save_edited(form)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_fields = list(self.fields)
        token = fields_token(self.instance, self.token_fields) if self.instance.pk else ""
        self.fields[TOKEN_NAME] = EditTokenField(initial=token)

    def stored_token(self) -> str:
        stored = type(self.instance)._default_manager.get(pk=self.instance.pk)
        return fields_token(stored, self.token_fields)

    def refuse_stale(self) -> None:
        keep_typed(self, self.stored_token(), self.add_prefix(""))


@transaction.atomic
def save_edited(form):
    """form.save() under the row lock, refused with StaleEdit if the row's values of the
    form's fields changed since the form was shown (form is an EditTokenMixin ModelForm)."""
    manager = type(form.instance)._default_manager
    stored = manager.select_for_update().get(pk=form.instance.pk)
    check_token(form.cleaned_data.get(TOKEN_NAME, ""), fields_token(stored, form.token_fields))
    return form.save()


def keep_typed(form, token: str, prefix: str = "") -> None:
    """After a refused save: the bound form keeps what was typed and gets the current token
    (and the message as a form error)."""
    data = form.data.copy()
    data[f"{prefix}{TOKEN_NAME}"] = token
    form.data = data
    if hasattr(form, "add_error"):
        form.add_error(None, STALE_MESSAGE)
