"""Nominations of new offers (issue 14, SPEC §6): the form while the year's round is open,
the receipt, the list (CSV/XLSX), a nomination's page, the expert panel's assessment and the
secretariat's decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit, keep_typed
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_nominations as services
from .access import (
    get_nomination_for_user,
    may_assess,
    may_manage,
    may_nominate,
    nominator_organisations,
    require_manager,
    require_nomination_reader,
    require_nominator,
    require_panel_or_secretariat,
    visible_nominations,
)
from .forms_nominations import AssessmentForm, DecisionForm, NominationForm
from .models import Criterion, NominationStatus
from .tables.nominations import nomination_table

TEMPLATES = "enhanced_cooperation/nominations/"


@login_required
def nomination_create(request):
    require_nominator(request.user)
    reporting_round = services.open_nomination_round()
    if reporting_round is None:
        return render(request, TEMPLATES + "nomination_form.html", {"form": None})
    organisations = nominator_organisations(request.user)
    form = NominationForm(
        request.POST or None,
        offers=services.nominable_offers(reporting_round),
        organisations=organisations,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                nomination = services.nomination_submit(
                    reporting_round=reporting_round,
                    offer=form.cleaned_data["offer"],
                    nominated_by=form.organisation(),
                    claims=form.claims(),
                    user=request.user,
                )
            except ValidationError as refused:
                _add_errors(form, refused)
            else:
                return redirect("enhanced_cooperation:nomination_receipt", nomination.pk)
    context = {"form": form, "round": reporting_round, "organisation": form.fixed_organisation}
    return render(request, TEMPLATES + "nomination_form.html", context, status=status)


def _add_errors(form, refused: ValidationError) -> None:
    if not hasattr(refused, "error_dict"):
        form.add_error(None, refused)
        return
    for field, errors in refused.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@require_GET
def nomination_receipt(request, pk):
    nomination = get_nomination_for_user(request.user, pk)
    return render(request, TEMPLATES + "receipt.html", {"nomination": nomination})


@login_required
@require_GET
def nomination_list(request):
    require_nomination_reader(request.user)
    nominations = visible_nominations(request.user).order_by("-submitted_at", "-pk")
    table = nomination_table(nominations)
    if fmt := requested_format(request):
        return tables_download("indmeldinger", fmt, [table])
    context = {
        "nominations": nominations,
        "table": table,
        "may_nominate": may_nominate(request.user) and services.open_nomination_round() is not None,
    }
    return render(request, TEMPLATES + "nomination_list.html", context)


def _claims(nomination) -> list[dict]:
    rows = []
    for code, label in Criterion.choices:
        claim = nomination.claims.get(code) or {}
        item = (nomination.assessment or {}).get(code) or {}
        rows.append(
            {
                "label": label,
                "meets": claim.get("meets"),
                "why": claim.get("why", ""),
                "assessed": item.get("met") in (True, False),
                "met": item.get("met"),
                "text": item.get("text", ""),
            }
        )
    return rows


@login_required
@require_GET
def nomination_detail(request, pk):
    nomination = get_nomination_for_user(request.user, pk)
    decided = nomination.status in (NominationStatus.ADMITTED, NominationStatus.REJECTED)
    context = {
        "nomination": nomination,
        "criteria": _claims(nomination),
        "may_assess": may_assess(request.user) and not decided,
        "may_decide": may_manage(request.user) and not decided,
        "is_decided": decided,
        "is_admitted": nomination.status == NominationStatus.ADMITTED,
    }
    return render(request, TEMPLATES + "nomination_detail.html", context)


def _stale_or_refused(request, form, nomination, template, call):
    """Runs the service `call`; None when saved, else the page again (409 / 400)."""
    try:
        call()
    except StaleEdit:
        nomination.refresh_from_db()
        keep_typed(form, services.assessment_token(nomination))
        status = 409
    except ValidationError as refused:
        _add_errors(form, refused)
        status = 400
    else:
        return None
    context = {"form": form, "nomination": nomination, "criteria": _claims(nomination)}
    return render(request, TEMPLATES + template, context, status=status)


def _panel_form_page(request, form, nomination, template, write, done):
    """GET: the form; a valid POST: write() through a service, then back to the nomination
    with `done`, or the form again (400 refused, 409 stale)."""
    if request.method == "POST" and form.is_valid():
        refused = _stale_or_refused(request, form, nomination, template, write)
        if refused is None:
            messages.success(request, done)
            return redirect(nomination)
        return refused
    context = {"form": form, "nomination": nomination, "criteria": _claims(nomination)}
    status = 400 if form.is_bound else 200
    return render(request, TEMPLATES + template, context, status=status)


@login_required
def nomination_assess(request, pk):
    require_panel_or_secretariat(request.user)
    nomination = get_nomination_for_user(request.user, pk)
    token = services.assessment_token(nomination)
    form = AssessmentForm(request.POST or None, nomination=nomination, token=token)
    return _panel_form_page(
        request,
        form,
        nomination,
        "assessment_form.html",
        lambda: services.nomination_assess(
            nomination=nomination,
            assessment=form.assessment(),
            user=request.user,
            expected_token=form.cleaned_data.get(TOKEN_NAME, ""),
        ),
        _("The assessment has been saved."),
    )


@login_required
def nomination_decide(request, pk):
    require_manager(request.user)
    nomination = get_nomination_for_user(request.user, pk)
    periods = services.admissible_periods(nomination)
    token = services.assessment_token(nomination)
    form = DecisionForm(request.POST or None, nomination=nomination, periods=periods, token=token)
    return _panel_form_page(
        request,
        form,
        nomination,
        "decision_form.html",
        lambda: services.nomination_decide(
            nomination=nomination, user=request.user, **form.decision_values()
        ),
        _("The decision has been recorded."),
    )
