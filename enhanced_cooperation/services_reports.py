"""Writes of the annual reports: one member's report saved into the operator's draft
submission (the round engine keeps drafts, hand-in, receipts and versions)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from submissions import services as rounds

from .reports import empty_report, report_key
from .selectors import members_of_submission


def report_save(*, submission, member, report: dict, user, expected_token: str | None = None):
    """Save `member`'s report into the draft. With expected_token (from the form) a save over
    someone else's newer save is refused (StaleEdit); a handed-in submission refuses it too."""
    if not members_of_submission(submission).filter(pk=member.pk).exists():
        raise ValidationError(_("This member's annual report is not part of this submission."))
    value = {**empty_report(), **{k: v for k, v in report.items() if k in empty_report()}}
    return rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=value,
        user=user,
        expected_token=expected_token,
    )
