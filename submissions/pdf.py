"""PDFs of the round engine: the receipt of a handed-in version, and the round summary."""

from django import forms
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for
from socialaftale.lib.pdf import render_tables_pdf, render_template_pdf
from socialaftale.lib.tables import to_pdf_table

from . import kinds
from .access import writes_for
from .models import ReportingRound, SubmissionVersion
from .questionnaire import get_questionnaire
from .tables import summary_tables


def _version(params) -> SubmissionVersion:
    return SubmissionVersion.objects.select_related(
        "submission__round", "submission__unit", "submitted_by"
    ).get(pk=params["version"])


def _may_see_receipt(user, params) -> bool:
    """The secretariat, and whoever writes the version's submission (its unit's reporters; an
    operator kind's operators)."""
    roles = roles_for(user)
    version = (
        SubmissionVersion.objects.select_related("submission__round", "submission__unit")
        .filter(pk=params.get("version"))
        .first()
    )
    if version is None:
        return False
    submission = version.submission
    return roles.is_secretariat or writes_for(roles, submission.round.kind, submission.unit)


def render_receipt(params, progress) -> bytes:
    version = _version(params)
    progress(30, _("Typesetting the PDF"))
    questionnaire = get_questionnaire(version.form_version) if version.form_version else None
    return render_template_pdf(
        "submissions/receipt_pdf.html",
        {
            "version": version,
            "questionnaire": questionnaire,
            "kind_answers": kinds.present_answers(version.submission, version.answers),
            "title": _("Receipt %(code)s") % {"code": version.receipt_code},
        },
    )


def render_round_summary(params, progress) -> bytes:
    from .selectors import round_summary

    reporting_round = ReportingRound.objects.get(pk=params["round"])
    progress(20, _("Collecting the figures"))
    tables = [to_pdf_table(table) for table in summary_tables(round_summary(reporting_round))]
    progress(50, _("Typesetting the PDF"))
    return render_tables_pdf(
        _("Summary: %(title)s") % {"title": reporting_round.title},
        _("Nordjysk Socialaftale – the secretariat"),
        tables,
    )


def register_documents() -> None:
    registry.register(
        "submissions.receipt",
        params=registry.schema(version=forms.ModelChoiceField(SubmissionVersion.objects.all())),
        title=lambda p: _("Receipt %(code)s") % {"code": _version(p).receipt_code},
        render=render_receipt,
        can_view=_may_see_receipt,
        version=lambda p: _version(p).number,
    )
    registry.register(
        "submissions.round_summary",
        # Only a round answered in a questionnaire has answers to summarise.
        params=registry.schema(
            round=forms.ModelChoiceField(ReportingRound.objects.exclude(form_version=""))
        ),
        title=lambda p: (
            _("Summary: %(title)s") % {"title": ReportingRound.objects.get(pk=p["round"]).title}
        ),
        render=render_round_summary,
        can_view=lambda user, p: roles_for(user).is_secretariat,
    )
