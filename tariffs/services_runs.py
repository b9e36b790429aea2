"""The budget run as a job (socialaftale/lib/jobs.py): requested on the page, by a population
import (population_hooks) or again after a failure; the task runs the schemes of the year one
by one (services.budget_run_scheme), each new split stored in one transaction with the run's
progress and result, so a run that fails or loses its worker goes on from the first scheme
not done and no scheme is computed twice by one run."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from organisations.population_hooks import PopulationImported
from socialaftale.lib import jobs

from .calculations import CalculationError, change
from .key_rules import q2_window
from .models import BudgetRun, FinancingScheme, KeyRule
from .services import RunResult, budget_run_scheme

logger = logging.getLogger(__name__)
FIRST_YEAR, LAST_YEAR = 2000, 2100


class _LostRun(Exception):
    """Another attempt owns the run now: this one's scheme is rolled back and it stops."""


@transaction.atomic
def budget_run_request(*, year: int, scheme: FinancingScheme | None = None, user, reason=""):
    """Queue a budget run of the year (every scheme, or the one given); user None: the system."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            _("The budget year must be from %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    if scheme is not None and scheme.year != year:
        raise ValueError(
            _("The scheme %(scheme)s is not a scheme of %(year)s.")
            % {"scheme": scheme, "year": year}
        )
    run = BudgetRun.objects.create(year=year, scheme=scheme, started_by=user, reason=reason[:300])
    summary = _("Budget run %(year)s requested") % {"year": year}
    audit.record(Action.CALCULATED, actor=user, obj=run, summary=summary)
    jobs.enqueue_on_commit(run)
    return run


def budget_run_compute(*, run_id: int) -> BudgetRun:
    """Run the schemes not done yet, if this delivery claims the queued run (any other delivery
    leaves it as it is). One scheme that fails fails the run with a Danish message naming it;
    the schemes before it stay stored and "run again" goes on from it."""
    run = jobs.claim(BudgetRun, run_id)
    if run is None:
        return BudgetRun.objects.get(pk=run_id)
    with translation.override(settings.LANGUAGE_CODE), jobs.heartbeat(run):
        schemes = list(_schemes(run))
        done = {item["scheme_id"] for item in run.schemes_done}
        jobs.report(run, progress=_percent(len(done), len(schemes)))
        for scheme in (s for s in schemes if s.pk not in done):
            try:
                _run_scheme(run, scheme, len(schemes))
            except _LostRun:
                return run
            except Exception as exc:  # recorded on the run: it fails visibly, never stuck
                _fail(run, scheme, exc)
                return run
        jobs.finish(run, status=jobs.JobStatus.DONE, progress=100, finished_at=timezone.now())
    return run


def _schemes(run: BudgetRun):
    schemes = FinancingScheme.objects.filter(year=run.year).order_by("name", "pk")
    return schemes.filter(pk=run.scheme_id) if run.scheme_id else schemes


def _percent(done: int, count: int) -> int:
    return 100 if count == 0 else min(99, 100 * done // count)


def _run_scheme(run: BudgetRun, scheme: FinancingScheme, count: int) -> None:
    with transaction.atomic():
        result = budget_run_scheme(scheme=scheme, user=run.started_by)
        schemes = [*run.schemes_done, scheme_summary(result)]
        if not jobs.report(
            run, result={"schemes": schemes}, progress=_percent(len(schemes), count)
        ):
            raise _LostRun


def _fail(run: BudgetRun, scheme: FinancingScheme, exc: Exception) -> None:
    if isinstance(exc, CalculationError):
        reason = str(exc)
    else:
        logger.exception("Budget run %s failed at scheme %s", run.pk, scheme.pk)
        reason = f"{type(exc).__name__}: {exc}"
    message = _(
        "The budget run stopped at %(scheme)s: %(reason)s The schemes before it are stored; "
        "run again to compute the rest."
    ) % {"scheme": scheme, "reason": reason}
    jobs.finish(run, status=jobs.FAILED, error=message[:2000], finished_at=timezone.now())


def scheme_summary(result: RunResult) -> dict:
    """What one scheme came to, as the run page and its tables show it (JSON: Decimals as
    text): the total, the rule and the figures' dates, the rounding note, and each part with
    its change since the previous version (None: no previous version, or new in the key)."""
    split, inputs = result.split, result.split.inputs
    rows = list(split.rows.select_related("organisation"))
    before = result.before
    return {
        "scheme_id": result.scheme.pk,
        "split_id": split.pk,
        "name": result.scheme.name,
        "version": split.version,
        "total": str(split.total),
        "decimals": split.decimals,
        "rule": inputs.get("rule", KeyRule.FIXED),
        "key": inputs["key"],
        "figures": inputs.get("figures", []),
        "notes": inputs.get("notes", []),
        "rounding": split.method,
        "mixed_financing": inputs.get("mixed_financing"),
        "parts": [_part(row, before) for row in rows],
        "left": [
            {"party": c.party, "before": str(c.before)} for c in result.changes if c.after is None
        ],
    }


def _part(row, before: dict | None) -> dict:
    name = row.organisation.short_name
    old = None if before is None else before.get(name)
    moved = change(old, row.amount) if old is not None else None
    return {
        "party": name,
        "weight": str(row.weight),
        "share_pct": str(row.share_pct),
        "amount": str(row.amount),
        "naive_amount": str(row.naive_amount),
        "before": None if old is None else str(old),
        "kr": None if moved is None else str(moved.kr),
        "pct": None if moved is None or moved.pct is None else str(moved.pct),
    }


@transaction.atomic
def budget_run_retry(*, run: BudgetRun) -> bool:
    """Queue a failed run again ("Run again"): it goes on from the scheme that failed."""
    return jobs.job_retry(job=run)


def population_imported(imported: PopulationImported) -> list[BudgetRun]:
    """The population hook: figures of Q2 of year Y are what the population keys of budget year
    Y + 1 read, so each such scheme of that age band gets a budget run (by the system)."""
    year = imported.reference_date.year + 1
    first, last = q2_window(year)
    if not first <= imported.reference_date <= last:
        return []
    schemes = FinancingScheme.objects.filter(
        year=year, key_rule=KeyRule.POPULATION, age_band=imported.age_band
    ).order_by("name")
    reason = _("New population figures (%(band)s) of %(date)s") % {
        "band": imported.age_band,
        "date": f"{imported.reference_date:%d.%m.%Y}",
    }
    return [
        budget_run_request(year=year, scheme=scheme, user=None, reason=reason) for scheme in schemes
    ]
