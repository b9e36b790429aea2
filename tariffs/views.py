import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import require_secretariat, roles_for
from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.imports import ImportRejected, limits_for, read_upload
from socialaftale.lib.tables import tables_download

from . import calculations as calc
from . import reports, selectors, services
from .access import (
    get_offer_for_tariff_report,
    get_scheme_for_user,
    get_tariff_for_approval,
    reporter_municipality_ids,
)
from .forms import ComponentFormSet, MixedFinancingForm, SplitToolForm, TariffForm
from .importers import match_parties, read_key_rows
from .selectors.scenario_kinds import mixed_scenario_records
from .selectors.settlement import party_statements


def _tables_page(request, template, kind, params, tables, **context):
    """A published-tables page: HTML, ?_export=csv|xlsx, and a button that orders the PDF."""
    if fmt := requested_format(request):
        filename = "-".join([kind.split(".")[1], *map(str, params.values())])
        return tables_download(filename.replace("_", "-"), fmt, tables)
    context |= {"tables": tables, "pdf_kind": kind, "pdf_params_json": json.dumps(params)}
    return render(request, template, context)


def index(request):
    context = selectors.index_context(request.user)
    context["show_secretariat_tools"] = roles_for(request.user).is_secretariat
    context["true_up_rows"] = party_statements(reporter_municipality_ids(request.user))
    return render(request, "tariffs/index.html", context)


def socialtilsyn_budget(request, year):
    tables = reports.socialtilsyn_report(year)
    return _tables_page(
        request,
        "tariffs/socialtilsyn_budget.html",
        "tariffs.socialtilsyn_budget",
        {"year": year},
        tables,
        year=year,
    )


def tariff_development(request, year):
    tables = [reports.tariff_development_table(year)]
    return _tables_page(
        request,
        "tariffs/tariff_development.html",
        "tariffs.tariff_development",
        {"year": year},
        tables,
        year=year,
    )


def development_contribution(request, year):
    tables = [reports.development_contribution_table(year)]
    return _tables_page(
        request,
        "tariffs/development_contribution.html",
        "tariffs.development_contribution",
        {"year": year},
        tables,
        year=year,
        may_add_population=roles_for(request.user).is_secretariat,
    )


def mixed_financing(request):
    form = MixedFinancingForm(request.GET or None)
    result = None
    if form.is_valid():
        try:
            result = calc.mixed_financing(**form.cleaned_data)
        except calc.CalculationError as error:
            form.add_error(None, str(error))
    tables = [reports.mixed_financing_table()]
    return _tables_page(
        request,
        "tariffs/mixed_financing.html",
        "tariffs.mixed_financing",
        {},
        tables,
        form=form,
        result=result,
        scenario_records=mixed_scenario_records(request.user),
    )


@login_required
def split_tool(request):
    require_secretariat(request.user)
    form = SplitToolForm(request.POST or None, request.FILES or None)
    split, errors = None, []
    if request.method == "POST" and form.is_valid():
        try:
            parties = _key_parties(form.cleaned_data)
            split = calc.split_by_key(
                form.cleaned_data["total"],
                [(org.short_name, weight) for org, weight in parties],
                decimals=form.cleaned_data["decimals"],
            )
        except ImportRejected as rejected:
            errors = rejected.report
        except calc.CalculationError as error:
            form.add_error(None, str(error))
        if split and form.cleaned_data["save_as"]:
            scheme = services.scheme_create(
                name=form.cleaned_data["save_as"],
                year=form.cleaned_data["year"],
                total=form.cleaned_data["total"],
                decimals=form.cleaned_data["decimals"],
                parties=parties,
                existing_key=form.cleaned_data["key"],
                user=request.user,
            )
            messages.success(request, _("The split has been saved as a financing scheme."))
            return redirect("tariffs:scheme", pk=scheme.pk)
    return render(
        request, "tariffs/split_tool.html", {"form": form, "split": split, "errors": errors}
    )


def _key_parties(cleaned):
    if cleaned["key_file"]:
        file = cleaned["key_file"]
        data = read_upload(file, limits_for("key"))
        return match_parties(read_key_rows(data, filename=file.name))
    rows = cleaned["key"].rows.select_related("organisation")
    return [(row.organisation, row.weight) for row in rows]


@login_required
def scheme_detail(request, pk):
    scheme = get_scheme_for_user(request.user, pk)
    if request.method == "POST":
        try:
            services.split_compute(scheme=scheme, user=request.user)
        except calc.CalculationError as error:  # the rule's figures are missing: nothing stored
            messages.error(request, str(error))
        else:
            messages.success(request, _("The split has been recomputed as a new version."))
        return redirect("tariffs:scheme", pk=scheme.pk)
    context = reports.scheme_report(scheme, request.GET.get("version"))
    if fmt := requested_format(request):
        return tables_download(
            f"fordeling-{scheme.pk}-v{context['split'].version}", fmt, [context["table"]]
        )
    if context["split"]:
        params = {"scheme": scheme.pk, "version": context["split"].version}
        context |= {"pdf_kind": "tariffs.financing_split", "pdf_params_json": json.dumps(params)}
    context |= selectors.scheme_definition_actions(scheme)
    return render(request, "tariffs/scheme_detail.html", {"scheme": scheme, **context})


@login_required
def scheme_list(request):
    require_secretariat(request.user)
    return render(request, "tariffs/scheme_list.html", selectors.scheme_list_context())


@login_required
def tariff_report(request, offer_pk, year):
    offer = get_offer_for_tariff_report(request.user, offer_pk)
    tariff = offer.tariffs.filter(year=year).prefetch_related("components").first()
    form, formset = _tariff_forms(request, tariff)
    token, stale = request.POST.get(TOKEN_NAME) or services.tariff_token(offer, year), False
    if "add_row" not in request.POST and request.method == "POST":
        if all([form.is_valid(), formset.is_valid()]):  # both, so both show their errors
            try:
                services.tariff_report(
                    offer=offer,
                    year=year,
                    components=formset.components(),
                    user=request.user,
                    expected_token=request.POST.get(TOKEN_NAME, ""),
                    **form.cleaned_data,
                )
            except StaleEdit:  # the typed tariff is shown again, with the current token
                token, stale = services.tariff_token(offer, year), True
            else:
                messages.success(request, _("The tariff has been reported and awaits approval."))
                return redirect("offers:detail", pk=offer.pk)
    context = {
        **selectors.tariff_form_context(request.user, offer, year, tariff),
        "form": form,
        "formset": formset,
        "edit_token": token,
        "stale_message": STALE_MESSAGE if stale else None,
    }
    return render(request, "tariffs/tariff_form.html", context, status=409 if stale else 200)


def _tariff_forms(request, tariff):
    """The form bound to the post; for "Add a row" (without JavaScript) unbound forms that
    show what was typed, rows ticked for deletion left out, and one more empty row."""
    if request.method != "POST":
        initial = selectors.tariff_initial(tariff)
        formset = ComponentFormSet(initial=initial["components"])
        formset.extra = 1 if initial["components"] else 2  # a new tariff: base + one package
        return TariffForm(initial=initial["tariff"]), formset
    form, formset = TariffForm(request.POST), ComponentFormSet(request.POST)
    if "add_row" in request.POST:
        typed = {name: form[name].value() for name in form.fields}
        return TariffForm(initial=typed), ComponentFormSet(initial=formset.typed_rows())
    return form, formset


@login_required
def tariff_approve(request, pk):
    tariff = get_tariff_for_approval(request.user, pk)
    if request.method == "POST":
        services.tariff_approve(tariff=tariff, user=request.user)
        messages.success(request, _("The tariff has been approved as final."))
    return redirect("tariffs:appendix", year=tariff.year)
