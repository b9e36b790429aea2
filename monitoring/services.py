"""Writes for monitoring: citizen-list imports and analysis runs."""

import datetime as dt
import itertools
import logging
from decimal import Decimal

import pandas as pd
from django.db import connection, transaction
from django.db.models import BigIntegerField, F, Max
from django.db.models.functions import Cast, Round
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from offers.models import Offer, Usage
from offers.selectors import with_coverage
from socialaftale.lib import jobs
from socialaftale.lib.cpr import mask_cpr
from socialaftale.lib.import_errors import ErrorReport
from socialaftale.lib.imports import ImportRejected, Limits, limits_for
from tariffs.models import ReductionTarget

from . import calculations
from .importers import file_checksum, iter_citizen_rows
from .models import AnalysisRun, CitizenListUpload, CitizenMonth, RunStatus
from .results import RunResult

logger = logging.getLogger(__name__)
CALCULATION_VERSION = "analysis-1"
BATCH = 5000


def citizen_list_import(
    *, data: bytes, filename: str, unit, user, limits: Limits | None = None
) -> CitizenListUpload:
    """All or nothing, streamed: rows go into the database in batches inside one transaction
    while the file is checked; if any row has an error the transaction is rolled back and
    every error is reported. A clean file replaces the unit's rows for the months it covers
    (each month's old rows are deleted when the file first reaches that month); the upload
    record keeps the counts, months and the file's checksum (never the file). `limits`
    defaults to IMPORT_LIMITS["citizen_list"] (the web request's deadline)."""
    report = ErrorReport()
    rows = iter_citizen_rows(data, filename, unit, report, limits or limits_for("citizen_list"))
    try:
        with transaction.atomic():
            upload = _stream(rows, report, data=data, filename=filename, unit=unit, user=user)
            if report.total:
                raise _Rejected
    except _Rejected:
        raise ImportRejected(report) from None
    return upload


class _Rejected(Exception):
    """Internal: leaves the atomic block so that everything written is rolled back."""


def _stream(rows, report, *, data, filename, unit, user) -> CitizenListUpload:
    upload = CitizenListUpload.objects.create(
        unit=unit,
        filename=mask_cpr(filename)[:255],
        checksum=file_checksum(data),
        row_count=0,
        citizen_count=0,
        total=Decimal(0),
        uploaded_by=user,
    )
    months, citizens, count, total, replaced = set(), set(), 0, Decimal(0), 0
    for batch in _batched(rows, BATCH):
        if report.total:
            continue  # keep reading to report every error; nothing more is written
        for month in {row[3] for row in batch} - months:
            replaced += (
                CitizenMonth.objects.filter(unit=unit, month=month)
                .exclude(upload=upload)
                .delete()[0]
            )
            months.add(month)
        _insert(upload, unit, batch)
        count += len(batch)
        citizens.update(row[0] for row in batch)
        total += sum(row[4] for row in batch)
    upload.row_count, upload.citizen_count, upload.total = count, len(citizens), total
    upload.months, upload.replaced_rows = [f"{m:%Y-%m}" for m in sorted(months)], replaced
    upload.save(update_fields=["row_count", "citizen_count", "total", "months", "replaced_rows"])
    return upload


def _batched(iterable, size):
    """itertools.batched arrived in Python 3.12; the servers run 3.11."""
    iterator = iter(iterable)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch


def _insert(upload, unit, batch) -> None:
    if connection.vendor == "postgresql":
        _copy_rows(upload, unit, batch)
        return
    CitizenMonth.objects.bulk_create(
        CitizenMonth(
            upload=upload,
            unit=unit,
            citizen=c,
            municipality_id=m,
            offer_id=o,
            month=month,
            amount=a,
        )
        for c, m, o, month, a in batch
    )


def _copy_rows(upload, unit, rows) -> None:
    """PostgreSQL COPY: the fast path for large lists (one round trip per buffer)."""
    table = CitizenMonth._meta.db_table
    columns = "upload_id, unit_id, citizen, municipality_id, offer_id, month, amount"
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608
            upload_id, unit_id = upload.pk, unit.pk
            for citizen, municipality, offer, month, amount in rows:
                copy.write_row((upload_id, unit_id, citizen, municipality, offer, month, amount))


@transaction.atomic
def analysis_run_create(
    *,
    measure: str,
    user,
    baseline="2016-01",
    cohort="every-january",
    defining_years=None,
    all_offers=False,
) -> AnalysisRun:
    params = _params(baseline, measure, cohort, defining_years, all_offers, covered=None)
    calculations.validate_params(params)
    version = AnalysisRun.objects.filter(measure=measure).aggregate(v=Max("version"))["v"] or 0
    run = AnalysisRun.objects.create(
        baseline=baseline,
        measure=measure,
        cohort=cohort,
        all_offers=all_offers,
        defining_from=defining_years[0] if defining_years else None,
        defining_to=defining_years[1] if defining_years else None,
        version=version + 1,
        created_by=user,
        calculation_version=CALCULATION_VERSION,
    )
    summary = _("Expenditure analysis calculated (version %(version)s)") % {"version": run.version}
    audit.record(Action.CALCULATED, actor=user, obj=run, summary=summary)
    jobs.enqueue_on_commit(run)
    return run


def _params(baseline, measure, cohort, defining_years, all_offers, covered):
    targets = {
        t.year: (t.tariff_reduction_pct, t.dialogue_reduction_pct)
        for t in ReductionTarget.objects.all()
    }
    return calculations.AnalysisParams(
        baseline=baseline,
        measure=measure,
        cohort=cohort,
        defining_years=tuple(defining_years) if defining_years else None,
        covered_offers=None if all_offers else covered,
        targets=targets,
    )


def covered_offers_by_year(years) -> tuple[dict[int, frozenset[int]], list[str]]:
    """Coverage is derived from usage; a year without usage data borrows the nearest year
    that has it, and says so."""
    usage_years = sorted(set(Usage.objects.values_list("year", flat=True)))
    covered, notes = {}, []
    for year in years:
        source = min(usage_years, key=lambda y: (abs(y - year), y)) if usage_years else year
        if source != year:
            notes.append(
                _("No usage is recorded for %(year)s: coverage from %(source)s is used.")
                % {"year": year, "source": source}
            )
        ids = with_coverage(Offer.objects.all(), source).filter(covered=True)
        covered[year] = frozenset(ids.values_list("pk", flat=True))
    return covered, notes


def load_rows(months: list[str]) -> tuple[pd.DataFrame, list[int]]:
    """The rows of the needed months as a DataFrame (amounts as integer øre, exact: rounded in
    the database so SQLite's float arithmetic cannot truncate), and the uploads they came from."""
    dates = [dt.date(int(month[:4]), int(month[5:7]), 1) for month in months]
    queryset = CitizenMonth.objects.filter(month__in=dates)
    ore = Cast(Round(F("amount") * 100), BigIntegerField())
    values = queryset.values_list("citizen", "municipality__code", "offer_id", "month")
    frame = pd.DataFrame.from_records(
        list(
            values.annotate(ore=ore).values_list(
                "citizen", "municipality__code", "offer_id", "month", "ore"
            )
        ),
        columns=["citizen", "municipality", "offer", "month", "ore"],
    )
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    frame["ore"] = frame["ore"].astype("int64")
    uploads = list(queryset.order_by().values_list("upload_id", flat=True).distinct())
    return frame, uploads


def analysis_run_compute(*, run_id: int) -> AnalysisRun:
    """Load, compute, store, if this delivery claims the queued run; any other delivery (a
    duplicate, a redelivery, a finished run) leaves it as it is."""
    run = jobs.claim(AnalysisRun, run_id)
    if run is None:
        return AnalysisRun.objects.get(pk=run_id)
    with jobs.heartbeat(run):
        jobs.report(run, progress=5)
        try:
            result, uploads = _compute(run)
        except Exception as exc:
            logger.exception("Analysis run %s failed", run.pk)
            jobs.finish(
                run,
                status=RunStatus.FAILED,
                error=f"{type(exc).__name__}: {exc}"[:2000],
                finished_at=timezone.now(),
            )
            return run
        with transaction.atomic():
            if jobs.finish(
                run, status=RunStatus.DRAFT, progress=100, result=result, finished_at=timezone.now()
            ):
                run.uploads.set(uploads)
    return run


def _compute(run: AnalysisRun) -> tuple[dict, list[int]]:
    defining = (run.defining_from, run.defining_to) if run.defining_from else None
    years = range(int(run.baseline[:4]), run.year + 1)
    covered, notes = covered_offers_by_year(years)
    params = _params(run.baseline, run.measure, run.cohort, defining, run.all_offers, covered)
    frame, uploads = load_rows(calculations.months_needed(params))
    jobs.report(run, progress=40)
    result = RunResult.of(calculations.analyse(frame, params), notes)
    return result.to_json(), uploads


@transaction.atomic
def analysis_run_retry(*, run: AnalysisRun) -> bool:
    """Queue a failed run again ("Try again"); False if it is not failed."""
    return jobs.job_retry(job=run, result=None)


@transaction.atomic
def analysis_run_finalise(*, run: AnalysisRun) -> AnalysisRun:
    if run.status != RunStatus.DRAFT:
        raise ValueError(_("Only a computed draft can be made final."))
    jobs.job_update(run, status=RunStatus.FINAL)
    audit.record(Action.PUBLISHED, obj=run, summary=_("Expenditure analysis made final"))
    return run


@transaction.atomic
def citizen_list_upload(
    *, data: bytes, filename: str, unit, user
) -> tuple[CitizenListUpload, list]:
    """A reporter's upload on the page: the list imported and, if clean, handed in to the
    unit's open citizen-list rounds, in one transaction (an import is never kept without its
    hand-in). Returns the upload and the submission versions handed in."""
    upload = citizen_list_import(data=data, filename=filename, unit=unit, user=user)
    summary = _("Citizen list imported (%(rows)s rows)") % {"rows": upload.row_count}
    audit.record(
        Action.IMPORTED,
        actor=user,
        obj=upload,
        summary=summary,
        organisation_id=unit.organisation_id,
        unit_id=unit.pk,
    )
    return upload, citizen_list_hand_in(upload=upload, user=user)


def citizen_list_hand_in(*, upload: CitizenListUpload, user) -> list:
    """A clean upload also hands in the unit's submission in any open citizen-list round, so
    the secretariat's board and receipts work as for every other round."""
    from submissions import services as rounds
    from submissions.models import ReportingRound, RoundKind, RoundStatus

    versions = []
    open_rounds = ReportingRound.objects.filter(
        kind=RoundKind.CITIZEN_LIST, status=RoundStatus.OPEN, units=upload.unit
    )
    for reporting_round in open_rounds:
        submission = rounds.submission_for(reporting_round=reporting_round, unit=upload.unit)
        if not submission.is_editable:
            continue
        answer = {
            "citizen_list": {
                "upload": upload.pk,
                "file": upload.filename,
                "rows": upload.row_count,
                "months": upload.months,
                "checksum": upload.checksum,
            }
        }
        rounds.submission_save_step(submission=submission, step="upload", answers=answer, user=user)
        versions.append(rounds.submission_submit(submission=submission, user=user))
    return versions
