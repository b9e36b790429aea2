"""The secretariat's what-if scenarios of a mixed financing and of a tariff (issue 15): each
one's list (with several scenarios side by side) and form. The scenario's own page, its edit
form and adopting it are views_scenarios' views, which hand a scenario of these kinds here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_scenario_kinds as services
from . import tables
from .access import get_mixed_financing_for_user, get_tariff_for_scenarios
from .calculations import CalculationError
from .forms_scenario_kinds import (
    MixedScenarioForm,
    TariffScenarioForm,
    mixed_initial,
    tariff_initial,
)
from .models import ScenarioKind
from .selectors import scenario_kinds as read
from .selectors.scenarios import scenario_figures


def subject_links(scenario) -> dict:
    """Where a scenario's page leads back to: its subject and the subject's scenarios."""
    if scenario.kind == ScenarioKind.MIXED:
        url = reverse("tariffs:mixed_scenarios", kwargs={"pk": scenario.mixed_financing_id})
        return {"subject": scenario.mixed_financing, "subject_url": url, "list_url": url}
    if scenario.kind == ScenarioKind.TARIFF:
        url = reverse("tariffs:tariff_scenarios", kwargs={"pk": scenario.tariff_id})
        tariff = scenario.tariff
        report = reverse(
            "tariffs:report", kwargs={"offer_pk": tariff.offer_id, "year": tariff.year}
        )
        return {"subject": tariff, "subject_url": report, "list_url": url}
    scheme_url = reverse("tariffs:scheme", kwargs={"pk": scenario.scheme_id})
    list_url = reverse("tariffs:scenarios", kwargs={"pk": scenario.scheme_id})
    return {"subject": scenario.scheme, "subject_url": scheme_url, "list_url": list_url}


def _list(request, subject, basis, create_url, **context):
    """The subject's scenarios; those ticked (computed from today's figures) side by side."""
    scenarios = read.kind_scenarios(subject)
    wanted = set(request.GET.getlist("scenario"))
    chosen = [
        s for s in reversed(scenarios) if str(s.pk) in wanted and s.result.get("basis") == basis
    ]
    table = None
    if chosen:
        figures = [scenario_figures(scenario) for scenario in chosen]
        table = tables.comparison_table(figures[0], figures)
        if fmt := requested_format(request):
            return tables_download(f"scenarier-{chosen[0].kind}-{subject.pk}", fmt, [table])
    context |= {
        "subject": subject,
        "scenarios": scenarios,
        "create_url": create_url,
        "table": table,
        "chosen": chosen,
    }
    return render(request, "tariffs/scenario_kind_list.html", context)


@login_required
@require_http_methods(["GET"])
def mixed_scenarios(request, pk):
    record = get_mixed_financing_for_user(request.user, pk)
    create_url = reverse("tariffs:mixed_scenario_create", kwargs={"pk": record.pk})
    scheme = read.scheme_of(record)
    return _list(request, record, read.mixed_basis(record), create_url, scheme=scheme)


@login_required
@require_http_methods(["GET"])
def tariff_scenarios(request, pk):
    tariff = get_tariff_for_scenarios(request.user, pk)
    create_url = reverse("tariffs:tariff_scenario_create", kwargs={"pk": tariff.pk})
    basis = read.tariff_basis(tariff)
    return _list(
        request, tariff, basis, create_url, is_tariff=True, has_components=bool(basis["components"])
    )


def _form(request, scenario=None, *, record=None, tariff=None, initial=None):
    data = request.POST or None
    if (tariff or getattr(scenario, "tariff", None)) is not None:
        components = read.tariff_components(tariff or scenario.tariff)
        return TariffScenarioForm(data, components=components, initial=initial)
    return MixedScenarioForm(data, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def mixed_scenario_create(request, pk):
    record = get_mixed_financing_for_user(request.user, pk)
    form = _form(request, record=record)
    return _create(request, form, record, services.mixed_scenario_create, record=record)


@login_required
@require_http_methods(["GET", "POST"])
def tariff_scenario_create(request, pk):
    tariff = get_tariff_for_scenarios(request.user, pk)
    form = _form(request, tariff=tariff)
    return _create(request, form, tariff, services.tariff_scenario_create, tariff=tariff)


def _create(request, form, subject, service, **subject_kwargs):
    if request.method == "POST" and form.is_valid():
        try:
            scenario = service(changes=form.changes(), user=request.user, **subject_kwargs)
        except CalculationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The scenario has been computed."))
            return redirect("tariffs:scenario", pk=scenario.pk)
    context = {"subject": subject, "form": form, "is_tariff": "tariff" in subject_kwargs}
    return render(request, "tariffs/scenario_kind_form.html", context)


def kind_scenario_edit(request, scenario):
    """The edit form of a mixed or tariff scenario (from views_scenarios.scenario_edit)."""
    token = services.kind_token(scenario)
    if scenario.kind == ScenarioKind.TARIFF:
        initial = tariff_initial(scenario, read.tariff_components(scenario.tariff))
    else:
        initial = mixed_initial(scenario)
    form = _form(request, scenario, initial={**initial, TOKEN_NAME: token})
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            services.kind_scenario_update(
                scenario=scenario,
                changes=form.changes(),
                user=request.user,
                expected_token=form.cleaned_data[TOKEN_NAME],
            )
        except StaleEdit:
            data = request.POST.copy()
            data[TOKEN_NAME] = services.kind_token(scenario)
            request.POST = data
            form, stale = _form(request, scenario), True
            form.is_valid()
        except CalculationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The scenario has been changed and computed again."))
            return redirect("tariffs:scenario", pk=scenario.pk)
    context = {
        "subject": scenario.subject,
        "scenario": scenario,
        "form": form,
        "is_tariff": scenario.kind == ScenarioKind.TARIFF,
        "stale_message": STALE_MESSAGE if stale else None,
        **subject_links(scenario),
    }
    return render(request, "tariffs/scenario_kind_form.html", context, status=409 if stale else 200)
