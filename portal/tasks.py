"""Tasks of the top app: the worker round-trip check, which reads offers."""

from celery import shared_task
from django.db import connection

from offers.models import Offer


# Tasks carry their own limits; the project sets only a global hard limit (settings.py).
@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def database_round_trip(offer_ids: list[int]) -> dict:
    """Load offers by id and report the database vendor: proves that broker, worker, database
    and result backend are wired together (used by the worker round-trip test)."""
    names = Offer.objects.filter(pk__in=offer_ids).values_list("name", flat=True)
    # Sorted in Python: database collations order Danish letters differently.
    return {"vendor": connection.vendor, "offers": sorted(names)}
