"""The financing year's pages (SPEC §3.4a): a scheme's settlement of its year (the on-account
plan, the actual expenditure, the true-up), a true-up statement of every party, and one
party's statement, each as a page, CSV/XLSX and PDF. Every figure links to its inputs."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import roles_for
from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit, keep_typed
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import reports_settlement as reports
from . import services_settlement as services
from .access import get_party_statement_scheme, get_settlement_scheme
from .forms_settlement import ActualExpenditureForm, OnAccountPlanForm
from .selectors import settlement as reads
from .tables.settlement import FORMULA


def _pdf(kind: str, params: dict) -> dict:
    return {"pdf_kind": kind, "pdf_params_json": json.dumps(params)}


def _messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def settlement(request, pk, year):
    scheme = get_settlement_scheme(request.user, pk, year)
    action = request.POST.get("action") if request.method == "POST" else None
    plan_form = OnAccountPlanForm(request.POST if action == "plan" else None)
    actual_form = ActualExpenditureForm(
        request.POST if action == "actual" else None,
        decimals=scheme.decimals,
        initial={TOKEN_NAME: services.actual_token(scheme, year)},
    )
    status = 200
    if action == "plan" and plan_form.is_valid():
        return _plan_create(request, scheme, plan_form)
    if action == "actual" and actual_form.is_valid():
        done, status = _actual_record(request, scheme, year, actual_form)
        if done:
            return redirect("tariffs:settlement", pk=scheme.pk, year=year)
    if action == "true_up":
        return _true_up(request, scheme, year)
    context = reads.settlement_context(scheme, year)
    tables = reports.plan_tables(context["plan"])
    if (fmt := requested_format(request)) and tables:
        return tables_download(f"aconto-{scheme.pk}-{year}", fmt, tables)
    context |= {
        "scheme": scheme,
        "year": year,
        "tables": tables,
        "plan_form": plan_form,
        "actual_form": actual_form,
        "stale_message": STALE_MESSAGE if status == 409 else None,
        "may_compute": bool(context["plan"] and context["actual"]),
    }
    return render(request, "tariffs/settlement.html", context, status=status)


def _plan_create(request, scheme, form):
    try:
        services.on_account_plan_create(scheme=scheme, user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("The on-account plan has been created."))
    return redirect("tariffs:settlement", pk=scheme.pk, year=scheme.year)


def _actual_record(request, scheme, year, form) -> tuple[bool, int]:
    try:
        services.actual_record(
            scheme=scheme,
            year=year,
            amount=form.cleaned_data["amount"],
            note=form.cleaned_data["note"],
            user=request.user,
            expected_token=form.cleaned_data.get(TOKEN_NAME) or "",
        )
    except StaleEdit:  # what was typed is shown again, with the current token
        keep_typed(form, services.actual_token(scheme, year), form.add_prefix(""))
        return False, 409
    except ValidationError as error:
        form.add_error(None, _messages_of(error))
        return False, 200
    messages.success(request, _("The actual expenditure has been recorded."))
    return True, 200


def _true_up(request, scheme, year):
    try:
        statement = services.true_up_compute(scheme=scheme, year=year, user=request.user)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
        return redirect("tariffs:settlement", pk=scheme.pk, year=year)
    messages.success(request, _("The true-up has been computed as a new version."))
    return redirect("tariffs:true_up", pk=scheme.pk, year=year, version=statement.version)


@login_required
def true_up_statement(request, pk, year, version):
    scheme = get_settlement_scheme(request.user, pk, year)
    report = reports.statement_report(scheme, year, version)
    if report is None:
        raise Http404
    if fmt := requested_format(request):
        return tables_download(f"efterregulering-{scheme.pk}-{year}-v{version}", fmt, report.tables)
    charges = reads.charges_by_party(report.statement.plan)
    context = {
        "scheme": scheme,
        "year": year,
        "report": report,
        "statement": report.statement,
        "tables": report.tables,
        "formula": FORMULA,
        "parties": [(row, charges.get(row.organisation_id, [])) for row in report.figures.rows],
        **_pdf("tariffs.true_up", {"scheme": scheme.pk, "year": year, "version": version}),
    }
    return render(request, "tariffs/true_up.html", context)


@login_required
def party_statement(request, pk, year, version, org_pk):
    scheme = get_party_statement_scheme(request.user, pk, year, org_pk)
    report = reports.party_report(scheme, year, version, org_pk)
    if report is None:
        raise Http404
    if fmt := requested_format(request):
        name = f"efterregulering-{scheme.pk}-{year}-v{version}-{org_pk}"
        return tables_download(name, fmt, report.tables)
    params = {"scheme": scheme.pk, "year": year, "version": version, "organisation": org_pk}
    context = {
        "scheme": scheme,
        "year": year,
        "report": report,
        "statement": report.statement,
        "tables": report.tables,
        "formula": FORMULA,
        "is_secretariat": roles_for(request.user).is_secretariat,
        "owes": report.row.difference > 0,
        "refunded": report.row.difference < 0,
        **_pdf("tariffs.true_up_party", params),
    }
    return render(request, "tariffs/true_up_party.html", context)
