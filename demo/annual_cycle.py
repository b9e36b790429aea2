"""The demo's annual cycle: the events of the current year from the seeded definitions,
linked to the demo's rounds and meetings where they fall (idempotent)."""

from django.utils import timezone

from annual_cycle.services import generate_year


def load_demo_cycle() -> None:
    generate_year(timezone.localdate().year)
