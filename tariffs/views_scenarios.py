"""The secretariat's what-if scenarios of a financing scheme (issue 15): the list, the form,
the result beside today's split, several side by side, and adopting one."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import reports, tables
from . import services_scenarios as services
from .access import get_scenario_for_user, get_scheme_for_user
from .calculations import CalculationError
from .forms_scenarios import ScenarioForm, scenario_initial
from .models import ScenarioKind
from .selectors import scenario_kinds as kinds
from .selectors import scenarios as read
from .views_scenario_kinds import kind_scenario_edit, subject_links


def _today_parties(scheme):
    split = read.current_split(scheme)
    return list(read.today_rows(split)[1].values()) if split else []


@login_required
@require_http_methods(["GET"])
def scenario_list(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    return render(request, "tariffs/scenario_list.html", read.scenario_list_context(scheme))


@login_required
@require_http_methods(["GET", "POST"])
def scenario_create(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    form = ScenarioForm(request.POST or None, scheme=scheme, today_parties=_today_parties(scheme))
    if request.method == "POST" and form.is_valid():
        try:
            scenario = services.scenario_create(
                scheme=scheme, changes=form.changes(), user=request.user
            )
        except CalculationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The scenario has been computed."))
            return redirect("tariffs:scenario", pk=scenario.pk)
    context = {"scheme": scheme, "form": form, "has_split": bool(read.current_split(scheme))}
    return render(request, "tariffs/scenario_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def scenario_edit(request, pk):
    scenario = get_scenario_for_user(request.user, pk)
    if scenario.adopted_at:
        raise Http404
    if scenario.kind != ScenarioKind.SCHEME:
        return kind_scenario_edit(request, scenario)
    scheme = scenario.scheme
    token = services.scenario_token(scenario)
    form = ScenarioForm(
        request.POST or None,
        scheme=scheme,
        today_parties=_today_parties(scheme),
        initial={**scenario_initial(scenario), TOKEN_NAME: token},
    )
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            services.scenario_update(
                scenario=scenario,
                changes=form.changes(),
                user=request.user,
                expected_token=form.cleaned_data[TOKEN_NAME],
            )
        except StaleEdit:
            form = _typed_again(request, scheme, services.scenario_token(scenario))
            stale = True
        except CalculationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The scenario has been changed and computed again."))
            return redirect("tariffs:scenario", pk=scenario.pk)
    context = {
        "scheme": scheme,
        "scenario": scenario,
        "form": form,
        "has_split": True,
        "stale_message": STALE_MESSAGE if stale else None,
    }
    return render(request, "tariffs/scenario_form.html", context, status=409 if stale else 200)


def _typed_again(request, scheme, token):
    data = request.POST.copy()
    data[TOKEN_NAME] = token
    form = ScenarioForm(data, scheme=scheme, today_parties=_today_parties(scheme))
    form.is_valid()
    return form


@login_required
@require_http_methods(["GET", "POST"])
def scenario_detail(request, pk):
    scenario = get_scenario_for_user(request.user, pk)
    if request.method == "POST":
        try:
            services.scenario_compute(scenario=scenario)
        except CalculationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The scenario has been computed again."))
        return redirect("tariffs:scenario", pk=scenario.pk)
    report_tables = reports.scenario_tables(scenario)
    if fmt := requested_format(request):
        return tables_download(f"scenarie-{scenario.pk}", fmt, report_tables)
    context = _detail_context(scenario, report_tables)
    return render(request, "tariffs/scenario_detail.html", context)


def _detail_context(scenario, report_tables) -> dict:
    is_tariff = scenario.kind == ScenarioKind.TARIFF
    return {
        "scenario": scenario,
        "scheme": scenario.scheme,
        "tables": report_tables,
        "changes": read.scenario_changes(scenario),
        "is_adopted": bool(scenario.adopted_at),
        "is_current": _is_current(scenario),
        "is_tariff": is_tariff,
        "is_mixed": scenario.kind == ScenarioKind.MIXED,
        "may_adopt": not is_tariff and not scenario.adopted_at and _is_current(scenario),
        "pdf_kind": "tariffs.scenario",
        "pdf_params_json": json.dumps({"scenario": scenario.pk}),
        **subject_links(scenario),
    }


def _is_current(scenario) -> bool:
    """Whether the scenario was computed from the real figures as they are now."""
    if scenario.kind == ScenarioKind.MIXED:
        record = scenario.mixed_financing
        split = read.current_split(scenario.scheme) if scenario.scheme_id else None
        same_split = scenario.base_split_id == (split.pk if split else None)
        return same_split and scenario.result.get("basis") == kinds.mixed_basis(record)
    if scenario.kind == ScenarioKind.TARIFF:
        return scenario.result.get("basis") == kinds.tariff_basis(scenario.tariff)
    current = read.current_split(scenario.scheme)
    return current is not None and scenario.base_split_id == current.pk


@login_required
@require_http_methods(["GET", "POST"])
def scenario_adopt(request, pk):
    scenario = get_scenario_for_user(request.user, pk)
    if scenario.kind == ScenarioKind.TARIFF:
        raise Http404  # tariffs change through the tariff round
    if request.method == "POST":
        try:
            split = services.scenario_adopt(scenario=scenario, user=request.user)
        except CalculationError as error:
            messages.error(request, str(error))
            return redirect("tariffs:scenario", pk=scenario.pk)
        messages.success(request, _("The scenario has been adopted as a new version."))
        if split is None:  # a mixed financing without a scheme
            return redirect("tariffs:scenario", pk=scenario.pk)
        return redirect(f"{_scheme_url(split.scheme_id)}?version={split.version}")
    context = _detail_context(scenario, reports.scenario_tables(scenario))
    return render(request, "tariffs/scenario_adopt.html", context)


def _scheme_url(pk):
    return reverse("tariffs:scheme", kwargs={"pk": pk})


@login_required
@require_http_methods(["GET"])
def scenario_compare(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    chosen = read.scenarios_to_compare(scheme, request.GET.getlist("scenario"))
    table = None
    if chosen:
        figures = [read.scenario_figures(scenario) for scenario in chosen]
        table = tables.comparison_table(figures[0], figures)
        if fmt := requested_format(request):
            return tables_download(f"scenarier-{scheme.pk}", fmt, [table])
    context = {"scheme": scheme, "chosen": chosen, "table": table}
    return render(request, "tariffs/scenario_compare.html", context)
