"""The one abstract job model (a row a Celery task works on), and the rules that make every job
finish exactly once or fail visibly, whatever the broker or the workers do.

- enqueue: the task is sent after commit; a broker that is down is logged, not raised, and the
  job stays queued with no `enqueued_at` ("waiting for the queue").
- claim: a task starts work only by moving its job from queued to running in one conditional
  UPDATE; a second delivery of the same message (or a duplicate sent by the sweep) is a no-op.
  The claim's attempt number is a token: a worker that lost its job to the sweep cannot
  overwrite the result of the attempt that took over.
- update: every write to a job row goes through job_update() (finish() and report() for a
  running attempt), which stores nothing if another attempt owns the job by now.
- heartbeat: a running job's `heartbeat_at` is renewed by a small thread while it works.
- sweep (every minute, beat): queued jobs the broker never got, or got over a minute ago, are
  sent again; running jobs whose heartbeat is stale (worker killed) are queued again, or
  failed after JOB_MAX_ATTEMPTS attempts.

The sweep lives below every app: apps register their job models (and any other periodic
sweeper, such as an e-mail outbox) in AppConfig.ready().
"""

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

QUEUED, RUNNING, FAILED = "queued", "running", "failed"


class JobStatus(models.TextChoices):
    QUEUED = QUEUED, _("Queued")
    RUNNING = RUNNING, _("Running")
    DONE = "done", _("Done")
    FAILED = FAILED, _("Failed")


class Job(models.Model):
    """Shared fields of a job. A subclass may redeclare `status` with its own choices, as long
    as it has "queued", "running" and "failed"; it must have a `created_at`."""

    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    enqueued_at = models.DateTimeField(_("handed to the queue"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        """Done (a document stored, a run computed, made final) or failed: nothing more runs."""
        return self.status not in (QUEUED, RUNNING)

    @property
    def progress_step(self) -> int:
        """Progress rounded down to tens, for the CSS width classes (no inline styles: CSP)."""
        return min(self.progress, 100) // 10 * 10

    @property
    def is_waiting_for_queue(self) -> bool:
        """Queued, but the broker has not accepted it (yet): the sweep will send it."""
        return self.status == QUEUED and self.enqueued_at is None


@dataclass
class _Registration:
    model: type[Job]
    task: object  # a Celery task taking the job's pk


_models: dict[str, _Registration] = {}
_sweepers: dict[str, Callable[[object], int]] = {}


def register(model: type[Job], *, task) -> None:
    _models[model._meta.label] = _Registration(model, task)


def register_sweeper(name: str, sweeper: Callable[[object], int]) -> None:
    """Another periodic drain (e.g. an e-mail outbox): sweeper(now) -> number of rows handled."""
    _sweepers[name] = sweeper


def registered_models() -> list[type[Job]]:
    return [registration.model for registration in _models.values()]


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


# --- enqueue -------------------------------------------------------------------------------


def enqueue_on_commit(job: Job) -> None:
    model, pk = type(job), job.pk
    transaction.on_commit(lambda: enqueue(model, pk))


def enqueue(model: type[Job], pk: int) -> bool:
    """Send the job's task; False (logged) when the broker cannot be reached."""
    task = _models[model._meta.label].task
    try:
        task.delay(pk)
    except Exception:  # kombu's OperationalError, a refused or timed-out socket, ...
        logger.warning(
            "%s %s could not be handed to the queue; the sweep sends it again",
            model._meta.label,
            pk,
            exc_info=True,
        )
        return False
    model.objects.filter(pk=pk, status=QUEUED).update(enqueued_at=timezone.now())
    return True


def delay_on_commit(task, *args) -> None:
    """For a task without a job row (a meeting notice): after commit, and a broker that is
    down is logged as an error instead of turning the user's committed step into a 500."""

    def send() -> None:
        try:
            task.delay(*args)
        except Exception:
            logger.error("Task %s%r could not be queued", task.name, args, exc_info=True)

    transaction.on_commit(send)


# --- claim, heartbeat, finish --------------------------------------------------------------


def claim(model: type[Job], pk: int) -> Job | None:
    """Move the job from queued to running; None if another delivery has it (or it is done)."""
    now = timezone.now()
    claimed = model.objects.filter(pk=pk, status=QUEUED).update(
        status=RUNNING, attempts=F("attempts") + 1, heartbeat_at=now, error=""
    )
    if not claimed:
        logger.info("%s %s is not queued: this delivery does nothing", model._meta.label, pk)
        return None
    return model.objects.get(pk=pk)


def _mine(job: Job) -> models.QuerySet:
    return type(job).objects.filter(pk=job.pk, status=RUNNING, attempts=job.attempts)


def job_update(job: Job, **changes) -> bool:
    """The one write to a job's row: store `changes` if the row is still as this instance read
    it, the same status and the same attempt. While the job runs, the attempt number is the
    claim's token: a worker that lost its job to the sweep (stale heartbeat) cannot overwrite
    the attempt that took over. Later (a draft made final) it is the same compare-and-set on
    the status. The instance is updated either way; returns whether the row was."""
    seen = type(job).objects.filter(pk=job.pk, status=job.status, attempts=job.attempts)
    for name, value in changes.items():
        setattr(job, name, value)
    stored = seen.update(**changes)
    if not stored:
        logger.warning(
            "%s %s changed meanwhile (another attempt took it over); this write is dropped",
            job._meta.label,
            job.pk,
        )
    return bool(stored)


def finish(job: Job, **changes) -> bool:
    """Store the outcome of a running attempt (job_update), if the attempt still owns the job."""
    return job_update(job, **changes)


def report(job: Job, **changes) -> bool:
    """Progress of a running job (it is also a heartbeat); written only if the job is ours."""
    return job_update(job, **changes, heartbeat_at=timezone.now())


@contextmanager
def heartbeat(job: Job, interval: float | None = None):
    """Renew the job's heartbeat every `interval` seconds while the block runs."""
    interval = interval or _setting("JOB_HEARTBEAT_SECONDS", 10)
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(interval):
                _mine(job).update(heartbeat_at=timezone.now())
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"heartbeat-{job.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=interval + 5)


# --- retry and sweep -----------------------------------------------------------------------


@transaction.atomic
def job_retry(*, job: Job, **reset) -> bool:
    """Queue a failed job again (the "Try again" button); False if it is not failed."""
    changes = {
        "status": QUEUED,
        "progress": 0,
        "error": "",
        "attempts": 0,
        "enqueued_at": None,
        "heartbeat_at": None,
        "finished_at": None,
        **reset,
    }
    if not type(job).objects.filter(pk=job.pk, status=FAILED).update(**changes):
        return False
    for name, value in changes.items():
        setattr(job, name, value)
    enqueue_on_commit(job)
    return True


@dataclass
class SweepReport:
    sent: int = 0
    requeued: int = 0
    failed: int = 0
    other: dict[str, int] = field(default_factory=dict)


def sweep(now=None) -> SweepReport:
    """One pass over every registered job model and sweeper."""
    now = now or timezone.now()
    report = SweepReport()
    for registration in list(_models.values()):
        _sweep_stale(registration.model, now, report)
        _sweep_queued(registration.model, now, report)
    for name, sweeper in list(_sweepers.items()):
        report.other[name] = sweeper(now)
    if report.sent or report.requeued or report.failed:
        logger.info("Job sweep: %s", report)
    return report


def _sweep_stale(model: type[Job], now, report: SweepReport) -> None:
    cutoff = now - timedelta(seconds=_setting("JOB_STALE_SECONDS", 60))
    # Rows from before heartbeats existed have none: their age is the row's.
    stale = model.objects.filter(status=RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )
    max_attempts = _setting("JOB_MAX_ATTEMPTS", 3)
    for pk, attempts in stale.values_list("pk", "attempts"):
        mine = model.objects.filter(pk=pk, status=RUNNING, attempts=attempts)
        if attempts >= max_attempts:
            message = _(
                "The job stopped %(attempts)s times without finishing (the worker was "
                "stopped). Try again."
            ) % {"attempts": attempts}
            report.failed += mine.update(status=FAILED, error=str(message), finished_at=now)
            logger.error("%s %s failed after %s lost attempts", model._meta.label, pk, attempts)
        elif mine.update(status=QUEUED, enqueued_at=None, progress=0):
            report.requeued += 1
            logger.warning(
                "%s %s lost its worker (attempt %s); queued again", model._meta.label, pk, attempts
            )
            report.sent += enqueue(model, pk)


def _sweep_queued(model: type[Job], now, report: SweepReport) -> None:
    cutoff = now - timedelta(seconds=_setting("JOB_QUEUE_GRACE_SECONDS", 60))
    waiting = model.objects.filter(status=QUEUED).filter(
        Q(enqueued_at__lt=cutoff) | Q(enqueued_at__isnull=True, created_at__lt=cutoff)
    )
    for pk in waiting.values_list("pk", flat=True):
        report.sent += enqueue(model, pk)
