"""The demo's annual cycle: the events of the current year from the seeded definitions,
linked to the demo's rounds and meetings where they fall; those whose deadline has passed
are marked done on their deadline, so the demo year shows done, running and coming events
(idempotent: a year already made is left as it is)."""

from django.utils import timezone

from annual_cycle import services
from annual_cycle.models import CycleEvent


def load_demo_cycle() -> None:
    today = timezone.localdate()
    if not services.generate_year(today.year):
        return
    past = CycleEvent.objects.filter(year=today.year, due_on__lt=today, done_on__isnull=True)
    for event in past:
        services.mark_done(event, event.due_on)
