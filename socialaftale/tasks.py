"""Project-level Celery tasks of the ground floor: they use socialaftale.lib only."""

from celery import shared_task

from socialaftale.lib import jobs


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def sweep_jobs() -> dict:
    """Every minute (beat): send jobs the broker never got, re-queue or fail jobs whose worker
    died, drain the e-mail outbox (socialaftale.lib.jobs)."""
    report = jobs.sweep()
    return {
        "sent": report.sent,
        "requeued": report.requeued,
        "failed": report.failed,
        **report.other,
    }
