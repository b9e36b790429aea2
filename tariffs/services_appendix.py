"""Publishing the tariff appendix (takstbilag): each publication stores a new, immutable
version of the year's appendix with the changes since the previous one. Views and commands
call appendix_publish; nothing else writes TariffAppendixVersion."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit import services as audit
from audit.models import Action
from socialaftale.lib.edits import StaleEdit, check_token, edit_token

from .models import Tariff, TariffAppendixVersion
from .selectors.appendix_versions import AppendixDraft, appendix_draft


class AppendixRefused(ValidationError):
    """The appendix was not published; the message says why, in Danish."""


def appendix_token(draft: AppendixDraft) -> str:
    """What the preview showed: the rows, the version it would be and what is outstanding."""
    return edit_token(
        [row.to_json() for row in draft.rows], draft.next_version, draft.outstanding.count
    )


def _stale() -> StaleEdit:
    return StaleEdit(
        _(
            "The tariff appendix changed after the preview was shown (a tariff was approved or "
            "someone else published): nothing was published. Check the preview below and "
            "publish again."
        )
    )


def publish_refusal(draft: AppendixDraft) -> str | None:
    """Why the draft may not be published now (in Danish), or None: tariffs await approval,
    none is approved, or nothing changed since the newest version."""
    waiting = draft.outstanding.awaiting_approval
    if waiting:
        return ngettext(
            "%(count)s tariff for %(year)s awaits approval (%(offers)s): approve it before "
            "the tariff appendix is published.",
            "%(count)s tariffs for %(year)s await approval (%(offers)s): approve them before "
            "the tariff appendix is published.",
            len(waiting),
        ) % {"count": len(waiting), "year": draft.year, "offers": ", ".join(waiting)}
    if not any(row.status for row in draft.rows):
        return _("No tariff for %(year)s is approved yet: there is nothing to publish.") % {
            "year": draft.year
        }
    if draft.latest and not draft.changes:
        return _(
            "Nothing has changed since version %(version)s of the tariff appendix "
            "%(year)s: there is nothing new to publish."
        ) % {"version": draft.latest.version, "year": draft.year}
    return None


def _store(draft: AppendixDraft, user) -> TariffAppendixVersion:
    try:
        with transaction.atomic():
            return TariffAppendixVersion.objects.create(
                year=draft.year,
                version=draft.next_version,
                published_at=timezone.now(),
                published_by=user,
                coverage_year=draft.coverage_year,
                rows=[row.to_json() for row in draft.rows],
                changes=[change.to_json() for change in draft.changes or []],
                outstanding={"not_reported": list(draft.outstanding.not_reported)},
            )
    except IntegrityError:  # someone published the same version number at the same moment
        raise AppendixRefused(
            _("The tariff appendix %(year)s was just published by someone else; reload the page.")
            % {"year": draft.year}
        ) from None


@transaction.atomic
def appendix_publish(
    *, year: int, user, expected_token: str | None = None
) -> TariffAppendixVersion:
    """Publish the year's appendix as it is now (approved tariffs of the covered offers) as
    the next version, with the changes since the previous one. Refused (AppendixRefused) while
    tariffs of the year await approval, when none is approved, and when nothing changed; from
    the page (expected_token) StaleEdit if the appendix is not what its preview showed."""
    list(Tariff.objects.select_for_update().filter(year=year).values_list("pk", flat=True))
    draft = appendix_draft(year)
    try:
        check_token(expected_token, appendix_token(draft))
    except StaleEdit:
        raise _stale() from None
    if refusal := publish_refusal(draft):
        raise AppendixRefused(refusal)
    version = _store(draft, user if getattr(user, "is_authenticated", False) else None)
    audit.record(
        Action.PUBLISHED,
        actor=user,
        obj=version,
        summary=_("Tariff appendix %(year)s published as version %(version)s")
        % {"year": year, "version": version.version},
    )
    return version
