"""The PDF report "Udgiftsanalyse <year>" for a DAS agenda item."""

import base64

from django import forms
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for
from socialaftale.lib.pdf import render_tables_pdf
from socialaftale.lib.tables import to_pdf_table

from . import selectors
from .models import AnalysisRun
from .tables import municipality_table, totals_table


def _run(params) -> AnalysisRun:
    return AnalysisRun.objects.get(pk=params["run"], result__isnull=False)


def render_analysis_report(params, progress) -> bytes:
    run = _run(params)
    progress(20, _("Drawing the chart"))
    svg = base64.b64encode(selectors.municipality_chart_svg(run)).decode()
    figure = (
        f"data:image/svg+xml;base64,{svg}",
        _("Reduction in per cent by acting municipality with the target as a line."),
        _("Reduction by acting municipality and the target"),
    )
    progress(50, _("Typesetting the PDF"))
    tables = [
        totals_table(run),
        municipality_table(run, selectors.by_municipality(run)),
    ]
    notes = [
        _("Annualised saving assumes that January is representative of the year."),
        *run.analysis_result.notes,
    ]
    subtitle = _(
        "January %(measure)s against January %(baseline)s, the same citizens "
        "(version %(version)s, %(status)s)"
    ) % {
        "measure": run.measure[:4],
        "baseline": run.baseline[:4],
        "version": run.version,
        "status": run.get_status_display(),
    }
    return render_tables_pdf(
        _("Expenditure analysis %(year)s") % {"year": run.year},
        subtitle,
        [to_pdf_table(t) for t in tables],
        notes,
        figures=[figure],
    )


def register_documents() -> None:
    registry.register(
        "monitoring.analysis_report",
        params=registry.schema(
            run=forms.ModelChoiceField(queryset=AnalysisRun.objects.filter(result__isnull=False))
        ),
        title=lambda p: _("Expenditure analysis %(year)s") % {"year": _run(p).year},
        render=render_analysis_report,
        can_view=lambda user, p: roles_for(user).is_secretariat,
        version=lambda p: _run(p).version,
    )
