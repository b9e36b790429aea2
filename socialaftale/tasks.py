"""Project-level Celery tasks that belong to no single app."""

from celery import shared_task
from django.db import connection

from offers.models import Offer
from socialaftale.lib import jobs


# Tasks carry their own limits; the project sets only a global hard limit (settings.py).
@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def database_round_trip(offer_ids: list[int]) -> dict:
    """Load offers by id and report the database vendor: proves that broker, worker, database
    and result backend are wired together (used by the worker round-trip test)."""
    names = Offer.objects.filter(pk__in=offer_ids).values_list("name", flat=True)
    # Sorted in Python: database collations order Danish letters differently.
    return {"vendor": connection.vendor, "offers": sorted(names)}


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
