"""PDF versions of the tariff pages: the same ReportTables, rendered by WeasyPrint in Celery
(documents app), ready to attach to a meeting item."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for
from socialaftale.lib.pdf import render_tables_pdf
from socialaftale.lib.tables import to_pdf_table

from . import reports, selectors
from .models import FinancingScheme


def _public(user, params) -> bool:
    return True


def _secretariat(user, params) -> bool:
    return roles_for(user).is_secretariat


# kind -> (title, tables builder, who may see it). Public pages give public PDFs; the appendix
# PDF is the published one (final tariffs only), whoever orders it.
PAGES = {
    "tariffs.socialtilsyn_budget": (
        lambda p: _("Socialtilsyn Nord – Budget %(year)s") % p,
        lambda p: reports.socialtilsyn_report(int(p["year"])),
        _public,
    ),
    "tariffs.tariff_appendix": (
        lambda p: _("Tariff appendix %(year)s") % p,
        lambda p: [reports.tariff_appendix_table(AnonymousUser(), int(p["year"]))],
        _public,
    ),
    "tariffs.tariff_development": (
        lambda p: _("Tariff development %(year)s") % p,
        lambda p: [reports.tariff_development_table(int(p["year"]))],
        _public,
    ),
    "tariffs.development_contribution": (
        lambda p: _("Development contribution %(year)s") % p,
        lambda p: [reports.development_contribution_table(int(p["year"]))],
        _public,
    ),
    "tariffs.mixed_financing": (
        lambda p: _("Mixed financing"),
        lambda p: [reports.mixed_financing_table()],
        _public,
    ),
    "tariffs.financing_split": (
        lambda p: _("Financing scheme: %(name)s") % {"name": _scheme(p)},
        lambda p: [selectors.scheme_context(_scheme(p), str(p["version"]))["table"]],
        _secretariat,
    ),
}


def _scheme(params) -> FinancingScheme:
    return FinancingScheme.objects.get(pk=params["scheme"])


def _renderer(title, builder):
    def render(params, progress):
        progress(10, _("Collecting the figures"))
        tables = builder(params)
        progress(50, _("Typesetting the PDF"))
        subtitle = _("Nordjysk Socialaftale – the secretariat")
        return render_tables_pdf(title(params), subtitle, [to_pdf_table(t) for t in tables])

    return render


def register_documents() -> None:
    for kind, (title, builder, can_view) in PAGES.items():
        registry.register(kind, title=title, render=_renderer(title, builder), can_view=can_view)
