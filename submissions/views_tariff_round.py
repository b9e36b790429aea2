"""The tariff round's pages (issue 15, SPEC §3.1): the operator's list of its covered offers
with each one's state and the engine's hand-in, the form of one offer's tariff (last year's
values in this year's prices, the change against the target, a reason where it is missed),
and the secretariat's review: one offer (approve, or return with comments) and the list
with "Approve selected"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import display_rows, tables_download
from tariffs import services_round
from tariffs.round_calc import component_key
from tariffs.selectors import tariff_round as reads

from . import services_tariff_round, tariff_round, tariff_round_lists
from . import tariff_round_pages as pages
from .access import get_submission_offer, get_tariff_submission
from .forms_tariff_round import RoundTariffForm, component_formset
from .models import RoundStatus


def _writable(submission, tariff) -> bool:
    open_ = submission.is_editable and submission.round.status == RoundStatus.OPEN
    return open_ and reads.state_of(tariff) != reads.APPROVED


@login_required
@require_GET
def offers(request, pk):
    submission = get_tariff_submission(request.user, pk)
    rows = tariff_round.offer_rows(submission.round, tariff_round.submission_offers(submission))
    table = tariff_round_lists.operator_table(submission, rows)
    if fmt := requested_format(request):
        name = f"takster-{submission.round.year}-{submission.unit.code}"
        return tables_download(name, fmt, [table])
    writable = submission.is_editable and submission.round.status == RoundStatus.OPEN
    missing = tariff_round.missing_in_submission(submission) if writable else []
    context = {
        "submission": submission,
        "reporting_round": submission.round,
        "rows": list(zip(rows, display_rows(table, table.rows), strict=True)),
        "table": table,
        "writable": writable,
        "missing": missing,
        "can_hand_in": writable and bool(rows) and not missing,
        "show_reopen_reason": writable and bool(submission.reopen_reason),
        "version": submission.versions.order_by("-number").first(),
    }
    return render(request, "submissions/tariff_round/offers.html", context)


def _initial(tariff, previous: reads.Previous) -> tuple[dict, list]:
    """What the form starts from: this year's report, or last year's in this year's prices."""
    entry = getattr(tariff, "round_entry", None) if tariff else None
    if tariff is not None and tariff.reported_at:
        reasons = entry.reasons if entry else {}
        components = [
            {"kind": c.kind, "package": c.package, "amount": c.amount}
            for c in tariff.components.all()
        ]
        for row in components:
            row["reason"] = reasons.get(component_key(row["kind"], row["package"]), "")
        lines = entry.cost_lines if entry else {}
        occupancy = entry.occupancy_pct if entry else None
        return {
            "unit": tariff.unit,
            "comment": tariff.note,
            "occupancy_pct": occupancy,
            **{f"cost_{code}": value for code, value in lines.items()},
        }, components
    components = [{"kind": k, "package": p, "amount": a} for k, p, a in previous.components]
    return {
        "unit": previous.unit,
        "occupancy_pct": previous.occupancy_pct,
        **{f"cost_{code}": value for code, value in previous.cost_lines.items()},
    }, components


def _forms(request, tariff, previous, target):
    amounts = previous.amounts
    if request.method != "POST":
        initial, rows = _initial(tariff, previous)
        formset = component_formset(
            initial=rows, previous=amounts, target_pct=target, extra=1 if rows else 2
        )
        return RoundTariffForm(initial=initial), formset
    form = RoundTariffForm(request.POST)
    formset = component_formset(request.POST, previous=amounts, target_pct=target)
    if "add_row" in request.POST:
        typed = {name: form[name].value() for name in form.fields}
        rows = formset.typed_rows()
        return RoundTariffForm(initial=typed), component_formset(
            initial=rows, previous=amounts, target_pct=target
        )
    return form, formset


@login_required
def offer_form(request, pk, offer_pk):
    submission = get_tariff_submission(request.user, pk)
    offer = get_submission_offer(submission, offer_pk)
    year = submission.round.year
    tariff = reads.year_tariffs([offer], year).get(offer.pk)
    if request.method == "POST" and not _writable(submission, tariff):
        messages.error(request, _("This tariff can no longer be changed here."))
        return redirect("submissions:tariff_round", pk=submission.pk)
    previous, target = reads.previous_values(offer, year), reads.target_pct(year)
    form, formset = _forms(request, tariff, previous, target)
    token = request.POST.get(TOKEN_NAME) or services_round.round_token(offer, year)
    status, stale, refused = 200, False, []
    if request.method == "POST" and "add_row" not in request.POST:
        status = 400
        valid = [form.is_valid(), formset.is_valid()]  # both, so both show their errors
        if all(valid):
            try:
                services_tariff_round.offer_tariff_report(
                    submission=submission,
                    offer=offer,
                    user=request.user,
                    expected_token=request.POST.get(TOKEN_NAME, ""),
                    unit=form.cleaned_data["unit"],
                    components=formset.components(),
                    occupancy_pct=form.cleaned_data["occupancy_pct"],
                    cost_lines=form.cost_lines(),
                    comment=form.cleaned_data["comment"],
                    reasons=formset.reasons(),
                )
            except StaleEdit:
                token, status, stale = services_round.round_token(offer, year), 409, True
            except ValidationError as error:
                refused = error.messages
            else:
                messages.success(
                    request, _("The tariff of %(offer)s has been reported.") % {"offer": offer.name}
                )
                return redirect("submissions:tariff_round", pk=submission.pk)
    entry = getattr(tariff, "round_entry", None) if tariff else None
    comments = entry.return_comments if entry and reads.state_of(tariff) == reads.RETURNED else {}
    context = {
        "submission": submission,
        "offer": offer,
        "year": year,
        "form": form,
        "formset": formset,
        "rows": pages.component_rows(formset, previous.amounts, target, comments),
        "general_comment": comments.get("", ""),
        "target_label": pages.target_label(target),
        "index_label": pages.index_label(previous, year),
        "state_label": str(tariff_round.STATE_LABELS[reads.state_of(tariff)]),
        "writable": _writable(submission, tariff),
        "refused": refused,
        "edit_token": token,
        "stale_message": STALE_MESSAGE if stale else None,
    }
    return render(request, "submissions/tariff_round/offer_form.html", context, status=status)
