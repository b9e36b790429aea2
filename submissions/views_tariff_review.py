"""The secretariat's review of a tariff round (issue 15): every covered offer of the round's
operators with its state, the reported ones ticked and approved together ("Approve
selected"), and one offer's report: approve it, or return it with a comment per component."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download
from tariffs import services_round
from tariffs.models import Tariff
from tariffs.selectors import tariff_round as reads

from . import services_tariff_round, tariff_round, tariff_round_lists
from . import tariff_round_pages as pages
from .access import get_round_offer, get_tariff_round_for_secretariat
from .forms_tariff_round import ReturnForm
from .models import RoundStatus


def _round_offers(reporting_round):
    organisations = reporting_round.units.values_list("organisation_id", flat=True)
    return tariff_round.covered_offers(reporting_round.year, organisations)


@login_required
def review(request, pk):
    reporting_round = get_tariff_round_for_secretariat(request.user, pk)
    if request.method == "POST":
        return _approve_selected(request, reporting_round)
    status, year = tariff_round_lists.chosen_status(request), reporting_round.year

    def token(row):
        return services_round.round_token_of(row.tariff) if row.awaits_approval else None

    table, rows = tariff_round_lists.review(
        reporting_round, _round_offers(reporting_round), status, token
    )
    if fmt := requested_format(request):
        return tables_download(f"takster-{year}-gennemgang", fmt, [table])
    context = {
        "reporting_round": reporting_round,
        "table": table,
        "rows": rows,
        "any_awaiting": any(row.token for row in rows),
        "status": status,
        "status_choices": tariff_round_lists.status_choices(),
    }
    return render(request, "submissions/tariff_round/review.html", context)


def _approve_selected(request, reporting_round):
    chosen = [value for value in request.POST.getlist("tariff") if value.isdigit()]
    tariffs = list(
        Tariff.objects.filter(
            pk__in=chosen, year=reporting_round.year, offer__in=_round_offers(reporting_round)
        ).select_related("offer")
    )
    if not tariffs:
        messages.error(request, _("Tick the tariffs to approve."))
        return redirect("submissions:tariff_review", pk=reporting_round.pk)
    tokens = {t.pk: request.POST.get(f"token-{t.pk}", "") for t in tariffs}
    try:
        approved = services_round.round_tariffs_approve(
            tariffs=tariffs, user=request.user, expected_tokens=tokens
        )
    except StaleEdit:
        messages.error(
            request, _("A tariff changed after the list was shown; nothing was approved.")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        count = len(approved)
        message = ngettext(
            "%(count)s tariff approved as final.", "%(count)s tariffs approved as final.", count
        )
        messages.success(request, message % {"count": count})
    return redirect("submissions:tariff_review", pk=reporting_round.pk)


@login_required
def review_offer(request, pk, offer_pk):
    reporting_round = get_tariff_round_for_secretariat(request.user, pk)
    offer = get_round_offer(reporting_round, offer_pk)
    year = reporting_round.year
    tariff = reads.year_tariffs([offer], year).get(offer.pk)
    state = reads.state_of(tariff)
    previous, target = reads.previous_values(offer, year), reads.target_pct(year)
    rows = pages.review_rows(tariff, previous.amounts, target) if tariff else []
    form = ReturnForm(
        request.POST if request.POST.get("action") == "return" else None,
        components=[(row["key"], row["label"]) for row in rows],
    )
    may_reopen = state == reads.APPROVED and reporting_round.status == RoundStatus.OPEN
    if request.method == "POST" and (state == reads.REPORTED or may_reopen):
        done = _decide(request, reporting_round, tariff, form, approve=not may_reopen)
        if done:
            return redirect("submissions:tariff_review", pk=reporting_round.pk)
    entry = getattr(tariff, "round_entry", None) if tariff else None
    context = {
        "reporting_round": reporting_round,
        "offer": offer,
        "tariff": tariff,
        "entry": entry,
        "rows": rows,
        "cost_lines": pages.cost_line_rows(entry),
        "occupancy": "–" if entry is None or entry.occupancy_pct is None else entry.occupancy_pct,
        "state_label": str(tariff_round.STATE_LABELS[state]),
        "may_decide": state == reads.REPORTED,
        "may_reopen": may_reopen,
        "reopen_note": state == reads.APPROVED and not may_reopen,
        "form": form,
        "target_label": pages.target_label(target),
        "index_label": pages.index_label(previous, year),
        "edit_token": services_round.round_token(offer, year),
    }
    return render(request, "submissions/tariff_round/review_offer.html", context)


def _decide(request, reporting_round, tariff, form, approve=True) -> bool:
    token = request.POST.get(TOKEN_NAME, "")
    try:
        if approve and request.POST.get("action") == "approve":
            services_round.round_tariffs_approve(
                tariffs=[tariff], user=request.user, expected_tokens={tariff.pk: token}
            )
            messages.success(request, _("The tariff has been approved as final."))
            return True
        if not form.is_valid():
            return False
        services_tariff_round.offer_tariff_return(
            reporting_round=reporting_round,
            tariff=tariff,
            comments=form.comments(),
            user=request.user,
            expected_token=token,
        )
    except StaleEdit as error:
        messages.error(request, error.messages[0])
        return False
    except ValidationError as error:
        form.add_error(None, error.messages)
        return False
    messages.success(request, _("The tariff has been returned to the operator for correction."))
    return True
