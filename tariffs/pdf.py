"""PDF versions of the tariff pages: the same ReportTables, rendered by WeasyPrint in Celery
(documents app), ready to attach to a meeting item."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for
from socialaftale.lib.pdf import render_tables_pdf
from socialaftale.lib.tables import to_pdf_table

from . import pdf_appendix, reports
from .models import FinancingScheme, FinancingSplit, Scenario
from .pdf_settlement import SETTLEMENT_PAGES, SETTLEMENT_VERSIONS


def _public(user, params) -> bool:
    return True


def _secretariat(user, params) -> bool:
    return roles_for(user).is_secretariat


def _year():
    return registry.schema(year=forms.IntegerField(min_value=2000, max_value=2100))


def _split_params(params: dict) -> dict:
    cleaned = registry.schema(
        scheme=forms.ModelChoiceField(FinancingScheme.objects.all()),
        version=forms.IntegerField(min_value=1, max_value=10**6),
    )(params)
    if not FinancingSplit.objects.filter(
        scheme_id=cleaned["scheme"], version=cleaned["version"]
    ).exists():
        raise ValidationError(_("The financing scheme has no such version."))
    return cleaned


# kind -> (parameters, title, tables builder, who may see it). Public pages give public PDFs;
# the appendix PDF is a published version for everyone, the unpublished draft the secretariat's.
PAGES = {
    "tariffs.socialtilsyn_budget": (
        _year(),
        lambda p: _("Socialtilsyn Nord – Budget %(year)s") % p,
        lambda p: reports.socialtilsyn_report(int(p["year"])),
        _public,
    ),
    "tariffs.tariff_appendix": (
        pdf_appendix.params,
        pdf_appendix.title,
        pdf_appendix.tables,
        pdf_appendix.can_view,
    ),
    "tariffs.tariff_development": (
        _year(),
        lambda p: _("Tariff development %(year)s") % p,
        lambda p: [reports.tariff_development_table(int(p["year"]))],
        _public,
    ),
    "tariffs.development_contribution": (
        _year(),
        lambda p: _("Development contribution %(year)s") % p,
        lambda p: [reports.development_contribution_table(int(p["year"]))],
        _public,
    ),
    "tariffs.mixed_financing": (
        registry.schema(),
        lambda p: _("Mixed financing"),
        lambda p: [reports.mixed_financing_table()],
        _public,
    ),
    "tariffs.scenario": (
        registry.schema(
            scenario=forms.ModelChoiceField(Scenario.objects.filter(computed_at__isnull=False))
        ),
        lambda p: _("Consequences per municipality: %(name)s") % {"name": _scenario(p).name},
        lambda p: reports.scenario_tables(_scenario(p)),
        _secretariat,
    ),
    "tariffs.financing_split": (
        _split_params,
        lambda p: _("Financing scheme: %(name)s") % {"name": _scheme(p)},
        lambda p: [reports.scheme_report(_scheme(p), str(p["version"]))["table"]],
        _secretariat,
    ),
}


# The file name carries the version of the split, not how often its PDF was made.
VERSIONS = {
    "tariffs.financing_split": lambda p: p["version"],
    "tariffs.tariff_appendix": lambda p: p["version"],  # the draft: KeyError, its own number
}

# The financing year's statements (SPEC §3.4a).
PAGES |= SETTLEMENT_PAGES
VERSIONS |= SETTLEMENT_VERSIONS


def _scheme(params) -> FinancingScheme:
    return FinancingScheme.objects.get(pk=params["scheme"])


def _scenario(params) -> Scenario:
    return Scenario.objects.select_related("scheme").get(pk=params["scenario"])


def _renderer(title, builder):
    def render(params, progress):
        progress(10, _("Collecting the figures"))
        tables = builder(params)
        progress(50, _("Typesetting the PDF"))
        subtitle = _("Nordjysk Socialaftale – the secretariat")
        return render_tables_pdf(title(params), subtitle, [to_pdf_table(t) for t in tables])

    return render


def register_documents() -> None:
    for kind, (params, title, builder, can_view) in PAGES.items():
        registry.register(
            kind,
            params=params,
            title=title,
            render=_renderer(title, builder),
            can_view=can_view,
            version=VERSIONS.get(kind),
        )
