"""The budget-run pages (the secretariat's; anyone else gets 404): the runs and the start form,
a run with its progress while it runs and per scheme its parts once done, and "run again"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import require_secretariat
from socialaftale.lib.export import requested_format
from socialaftale.lib.jobs import FAILED
from socialaftale.lib.jobs_view import JobView, job_progress_response, job_view
from socialaftale.lib.tables import tables_download

from . import services_runs
from .access import get_budget_run_for_user
from .forms import BudgetRunForm
from .models import BudgetRun
from .selectors.runs import budget_run_list, run_schemes
from .tables import budget_run_table


@login_required
def budget_runs(request):
    require_secretariat(request.user)
    form = BudgetRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = services_runs.budget_run_request(
            year=form.cleaned_data["year"], scheme=form.cleaned_data["scheme"], user=request.user
        )
        messages.success(request, _("The budget run has been started."))
        return redirect(run)
    status = 400 if form.is_bound else 200
    context = {"form": form, "runs": budget_run_list()}
    return render(request, "tariffs/budget_run_list.html", context, status=status)


@login_required
def budget_run_detail(request, pk):
    run = get_budget_run_for_user(request.user, pk)
    tables = [budget_run_table(s, i) for i, s in enumerate(run_schemes(run), start=1)]
    if tables and (fmt := requested_format(request)):
        return tables_download(f"budgetkoersel-{run.year}-{run.pk}", fmt, tables)
    context = {
        "run": run,
        "job": _progress(run),
        "tables": tables,
        "show_tables": run.is_finished,
        "can_run_again": run.is_finished and run.status != FAILED,  # failed: the partial has it
    }
    return render(request, "tariffs/budget_run_detail.html", context)


@login_required
def budget_run_progress(request, pk):
    return job_progress_response(request, _progress(get_budget_run_for_user(request.user, pk)))


def _progress(run: BudgetRun) -> JobView:
    return job_view(
        run,
        dom_id="budget-run-progress",
        poll_url=reverse("tariffs:budget_run_progress", args=[run.pk]),
        bar_label=_("Computing the schemes' splits…"),
        done_label=_("The budget run is done."),
        result_url=run.get_absolute_url(),
        result_label=_("Show the splits"),
        failed_label=f"{_('The budget run failed:')} {run.error}",
        retry_url=reverse("tariffs:budget_run_again", args=[run.pk]),
        retry_label=_("Run again"),
    )


@login_required
@require_POST
def budget_run_again(request, pk):
    """A failed run goes on from the scheme that failed; a done one is run anew."""
    run = get_budget_run_for_user(request.user, pk)
    if run.status == FAILED:
        services_runs.budget_run_retry(run=run)
        return redirect(run)
    if not run.is_finished:
        messages.error(request, _("The budget run is still running."))
        return redirect(run)
    new = services_runs.budget_run_request(year=run.year, scheme=run.scheme, user=request.user)
    return redirect(new)
