"""PDF kinds of the financing year's pages (registered with the other tariff pages by
pdf.py): a true-up statement of every party (the secretariat's) and one party's statement
(the secretariat's and that municipality's reporters'). A statement or party that is not
there is an unknown object: a 404 for anyone but the secretariat."""

from django import forms
from django.utils.translation import gettext as _

from documents import registry
from organisations.access import roles_for

from . import reports_settlement as reports
from .access import can_view_party_statement
from .models import FinancingScheme
from .models_settlement import TrueUpRow, TrueUpStatement


def _statement_fields(**extra):
    return registry.schema(
        scheme=forms.ModelChoiceField(FinancingScheme.objects.all()),
        year=forms.IntegerField(min_value=2000, max_value=2100),
        version=forms.IntegerField(min_value=1, max_value=10**6),
        **extra,
    )


def _statement_params(params: dict) -> dict:
    cleaned = _statement_fields()(params)
    if not _statements(cleaned).exists():
        raise registry.UnknownObject(_("The scheme has no such true-up statement."))
    return cleaned


def _party_params(params: dict) -> dict:
    cleaned = _statement_fields(organisation=forms.IntegerField(min_value=1, max_value=10**12))(
        params
    )
    rows = TrueUpRow.objects.filter(
        statement__in=_statements(cleaned), organisation_id=cleaned["organisation"]
    )
    if not rows.exists():
        raise registry.UnknownObject(_("The true-up statement has no such municipality."))
    return cleaned


def _statements(cleaned):
    return TrueUpStatement.objects.filter(
        scheme_id=cleaned["scheme"], year=cleaned["year"], version=cleaned["version"]
    )


def _scheme(params) -> FinancingScheme:
    return FinancingScheme.objects.get(pk=params["scheme"])


def _statement_tables(params):
    return reports.statement_report(
        _scheme(params), int(params["year"]), int(params["version"])
    ).tables


def _party_tables(params):
    return reports.party_report(
        _scheme(params), int(params["year"]), int(params["version"]), int(params["organisation"])
    ).tables


def _party_title(params) -> str:
    report = reports.party_report(
        _scheme(params), int(params["year"]), int(params["version"]), int(params["organisation"])
    )
    return _("True-up %(year)s: %(party)s – %(scheme)s") % {
        "year": params["year"],
        "party": report.row.party,
        "scheme": _scheme(params).name,
    }


def _secretariat(user, params) -> bool:
    return roles_for(user).is_secretariat


def _party_viewer(user, params) -> bool:
    return can_view_party_statement(user, int(params["organisation"]))


# kind -> (parameters, title, tables builder, who may see it), as pdf.PAGES.
SETTLEMENT_PAGES = {
    "tariffs.true_up": (
        _statement_params,
        lambda p: (
            _("True-up %(year)s: %(scheme)s") % {"year": p["year"], "scheme": _scheme(p).name}
        ),
        _statement_tables,
        _secretariat,
    ),
    "tariffs.true_up_party": (_party_params, _party_title, _party_tables, _party_viewer),
}

# The file name carries the statement's version.
SETTLEMENT_VERSIONS = {kind: (lambda p: p["version"]) for kind in SETTLEMENT_PAGES}
