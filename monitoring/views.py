import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from organisations.access import require_secretariat, roles_for
from socialaftale.lib.export import requested_format
from socialaftale.lib.imports import ImportRejected, limits_for, read_upload, too_large
from socialaftale.lib.jobs_view import JobView, job_progress_response, job_view
from socialaftale.lib.tables import tables_download

from . import selectors, services
from .access import (
    get_run_for_municipality,
    get_run_for_secretariat,
    units_for_upload,
    visible_uploads,
)
from .forms import RunForm, UploadForm
from .models import AnalysisRun, RunStatus
from .tables import municipality_table, targets_table, totals_table
from .uploads import InMemoryOnlyUploadHandler, upload_fits


@login_required
def index(request):
    roles = roles_for(request.user)
    runs = (
        AnalysisRun.objects.all()
        if roles.is_secretariat
        else AnalysisRun.objects.filter(status__in=["draft", "final"])
    )
    if not (roles.is_secretariat or roles.is_reporter):
        raise Http404
    return render(
        request,
        "monitoring/index.html",
        {
            "targets": targets_table(selectors.reduction_targets()),
            "runs": runs.select_related("created_by"),
            "sees_whole_runs": roles.is_secretariat,  # a reporter sees their own numbers
            "run_form": RunForm(initial={"measure_year": 2019}) if roles.is_secretariat else None,
            "trend": selectors.trend_points() if roles.is_secretariat else [],
        },
    )


@login_required
@csrf_exempt
def upload(request):
    # The handlers must be set before the body is read, so CSRF is checked in the inner view.
    request.upload_handlers = [InMemoryOnlyUploadHandler(request)]
    return _upload(request)


@csrf_protect
def _upload(request):
    units = units_for_upload(request.user)
    if not units:
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, units=units)
    errors = []
    if request.method == "POST" and not upload_fits(request):
        errors = too_large(limits_for("citizen_list")).report
    elif request.method == "POST" and form.is_valid():
        try:
            _import(request, form.cleaned_data)
        except ImportRejected as rejected:
            errors = rejected.report
        else:
            return redirect("monitoring:uploads")
    return render(request, "monitoring/upload.html", {"form": form, "errors": errors})


def _import(request, cleaned):
    """The file is read in this request with IMPORT_LIMITS["citizen_list"]'s deadline: it may
    hold CPR numbers, so it is never written anywhere (not even to a queue) in clear."""
    file = cleaned["file"]
    created, versions = services.citizen_list_upload(
        data=read_upload(file, limits_for("citizen_list")),
        filename=file.name,
        unit=cleaned["unit"],
        user=request.user,
    )
    messages.success(
        request,
        _("%(rows)s rows for %(citizens)s citizens imported.")
        % {"rows": created.row_count, "citizens": created.citizen_count},
    )
    for version in versions:
        message = _("Handed in. Receipt number %(code)s.") % {"code": version.receipt_code}
        messages.success(request, message)
    return created


@login_required
def upload_list(request):
    uploads = visible_uploads(request.user)
    if not (roles_for(request.user).is_secretariat or roles_for(request.user).is_reporter):
        raise Http404
    return render(request, "monitoring/upload_list.html", {"uploads": uploads[:200]})


@login_required
@require_POST
def run_create(request):
    require_secretariat(request.user)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the analysis parameters."))
        return redirect("monitoring:index")
    data = form.cleaned_data
    defining = (2016, data["defining_to"]) if data["cohort"] == "fixed" else None
    try:
        run = services.analysis_run_create(
            measure=f"{data['measure_year']}-01",
            cohort=data["cohort"],
            defining_years=defining,
            all_offers=data["all_offers"],
            user=request.user,
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("monitoring:index")
    return redirect(run)


@login_required
def run_detail(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    result = run.analysis_result
    tables = (
        [totals_table(run), municipality_table(run, selectors.by_municipality(run))]
        if result
        else []
    )
    if result and (fmt := requested_format(request)):
        return tables_download(f"udgiftsanalyse-{run.year}-v{run.version}", fmt, tables)
    return render(
        request,
        "monitoring/run_detail.html",
        {
            "run": run,
            "result": result,
            "job": None if result else _progress(run),
            "can_finalise": run.status == RunStatus.DRAFT,
            "tables": tables,
            "pdf_kind": "monitoring.analysis_report",
            "pdf_params_json": json.dumps({"run": run.pk}),
        },
    )


@login_required
def run_progress(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    return job_progress_response(request, _progress(run))


def _progress(run: AnalysisRun) -> JobView:
    """Only the secretariat sees a run: it may always try a failed one again."""
    return job_view(
        run,
        dom_id="run-progress",
        poll_url=reverse("monitoring:run_progress", args=[run.pk]),
        bar_label=_("Computing the analysis…"),
        done_label=_("The analysis is computed."),
        result_url=run.get_absolute_url(),
        result_label=_("Show the result"),
        failed_label=f"{_('The analysis failed:')} {run.error}",
        retry_url=reverse("monitoring:run_retry", args=[run.pk]),
        retry_label=_("Run again"),
    )


@login_required
@require_POST
def run_finalise(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    try:
        services.analysis_run_finalise(run=run)
    except ValueError as error:
        messages.error(request, str(error))
    return redirect(run)


@login_required
@require_POST
def run_rerun(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    defining = (run.defining_from, run.defining_to) if run.defining_from else None
    new = services.analysis_run_create(
        measure=run.measure,
        baseline=run.baseline,
        cohort=run.cohort,
        defining_years=defining,
        all_offers=run.all_offers,
        user=request.user,
    )
    return redirect(new)


@login_required
@require_POST
def run_retry(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    if not services.analysis_run_retry(run=run):
        messages.error(request, _("Only a failed analysis can be run again."))
    return redirect(run)


@login_required
def run_chart(request, pk):
    run = get_run_for_secretariat(request.user, pk)
    if not run.result:
        raise Http404
    return HttpResponse(selectors.municipality_chart_svg(run), content_type="image/svg+xml")


@login_required
def trend_chart(request):
    require_secretariat(request.user)
    return HttpResponse(selectors.trend_chart_svg(), content_type="image/svg+xml")


@login_required
def own_view(request, pk):
    """A reporter's view: their municipality's numbers and the total, nobody else's."""
    run, codes = get_run_for_municipality(request.user, pk)
    tables = [
        totals_table(run),
        municipality_table(run, selectors.by_municipality(run), codes),
    ]
    if fmt := requested_format(request):
        return tables_download(f"udgiftsanalyse-{run.year}-v{run.version}-egen", fmt, tables)
    return render(request, "monitoring/own_view.html", {"run": run, "tables": tables})
