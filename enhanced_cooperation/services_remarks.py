"""Writes of the expert panel's remarks (issue 14): a panel member saves their own remark on
a subject (one per author per subject; a stale save is refused), the chair (or the
secretariat) marks remarks final, after which their authors no longer edit them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from socialaftale.lib.cpr import has_cpr_like
from socialaftale.lib.edits import check_token, check_unchanged, edit_token

from .access import is_panel
from .chair import may_finalise
from .models import Remark

MAX_TEXT = 10_000


def remark_token(remark: Remark | None) -> str:
    """What the form was shown with ("" for a remark not yet written)."""
    return edit_token(remark.text, remark.is_final) if remark is not None else ""


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the remarks.")})
    if has_cpr_like(text):
        raise ValidationError(
            {"text": _("Remove the CPR number (or anything like one) from the text.")}
        )
    if len(text) > MAX_TEXT:
        raise ValidationError(
            {"text": _("Write at most %(count)s characters.") % {"count": MAX_TEXT}}
        )
    return text


def _subject(round, member, nomination) -> dict:
    if (member is None) == (nomination is None):
        raise ValueError("a remark needs a member or a nomination")
    if member is not None:
        return {"round": round, "member": member, "nomination": None}
    return {"round": round, "member": None, "nomination": nomination}


@transaction.atomic
def remark_save(*, user, round, text, member=None, nomination=None, expected_token=None):
    """The user's own remark on the subject, created or changed. Only the panel's members
    write; a final remark is closed; StaleEdit when the remark changed since the form."""
    if not is_panel(user):
        raise Http404
    subject = _subject(round, member, nomination)
    text = _check_text(text)
    remark = Remark.objects.select_for_update().filter(author=user, **subject).first()
    if remark is None:
        check_token(expected_token, "")
        return Remark.objects.create(author=user, text=text, **subject)
    check_unchanged(expected_token, remark.text, remark.is_final)
    if remark.is_final:
        raise ValidationError(_("The remark is final and can no longer be changed."))
    remark.text = text
    remark.save()
    return remark


@transaction.atomic
def remark_finalise(*, user, remarks, now=None) -> int:
    """Marks `remarks` (a queryset of one subject's remarks) final; returns how many."""
    if not may_finalise(user):
        raise Http404
    now = now or timezone.now()
    drafts = list(remarks.select_for_update(of=("self",)).filter(is_final=False))
    for remark in drafts:
        remark.is_final, remark.finalised_by, remark.finalised_at = True, user, now
        remark.save()
    return len(drafts)
