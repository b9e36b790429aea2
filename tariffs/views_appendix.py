"""The tariff appendix (takstbilag) pages: the newest published version for everyone, the
draft of the next version with "Publish" for the secretariat, every published version with
its changes; each as HTML, CSV/XLSX (?_export=) and PDF (kind tariffs.tariff_appendix)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import require_secretariat
from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import reports, reports_appendix, services_appendix
from .access import can_preview_appendix, get_appendix_version
from .selectors.appendix_versions import appendix_draft, appendix_versions

TEMPLATE = "tariffs/appendix_page.html"


def _page(request, year, tables, pdf_params, filename, **context):
    if fmt := requested_format(request):
        if not tables:
            raise Http404
        return tables_download(filename, fmt, tables)
    context |= {
        "year": year,
        "tables": tables,
        "pdf_kind": "tariffs.tariff_appendix" if tables else None,
        "pdf_params_json": json.dumps(pdf_params),
    }
    return render(request, TEMPLATE, context)


def appendix(request, year):
    """The newest published version; for the secretariat the draft of the next one."""
    versions = appendix_versions(year)
    if can_preview_appendix(request.user):
        return _draft_page(request, year, versions)
    shown = versions[0] if versions else None
    return _version_page(request, year, shown, versions)


def appendix_version(request, year, version):
    shown = get_appendix_version(request.user, year, version)
    return _version_page(request, year, shown, appendix_versions(year), permalink=True)


def _version_page(request, year, shown, versions, permalink=False):
    tables = reports_appendix.version_tables(shown) if shown else []
    params = {"year": year, "version": shown.version} if shown else {}
    filename = f"takstbilag-{year}-v{shown.version}" if shown else ""
    coverage = shown.coverage_year if shown else reports.appendix_coverage_year(year)
    return _page(
        request,
        year,
        tables,
        params,
        filename,
        shown=shown,
        versions=versions,
        coverage_year=coverage,
        is_newest=bool(shown and versions and shown == versions[0]),
        permalink=permalink,
    )


def _draft_page(request, year, versions):
    draft = appendix_draft(year)
    return _page(
        request,
        year,
        reports_appendix.draft_tables(draft),
        {"year": year},
        f"takstbilag-{year}-udkast",
        draft=draft,
        versions=versions,
        coverage_year=draft.coverage_year,
        edit_token=services_appendix.appendix_token(draft),
        refusal=services_appendix.publish_refusal(draft),
        show_publisher=True,
    )


@login_required
@require_POST
def appendix_publish(request, year):
    require_secretariat(request.user)
    try:
        version = services_appendix.appendix_publish(
            year=year, user=request.user, expected_token=request.POST.get(TOKEN_NAME, "")
        )
    except (services_appendix.AppendixRefused, StaleEdit) as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("tariffs:appendix", year=year)
    messages.success(
        request,
        _("The tariff appendix %(year)s has been published as version %(version)s.")
        % {"year": year, "version": version.version},
    )
    return redirect("tariffs:appendix_version", year=year, version=version.version)
