"""Definitions and events of the annual cycle."""

import datetime as dt

import factory

from annual_cycle.models import CycleDefinition, CycleEvent


class CycleDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CycleDefinition
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"begivenhed-{n}")
    title = factory.Sequence(lambda n: f"Begivenhed {n}")
    start_month, start_day, due_month, due_day = 3, 1, 3, 31


class CycleEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CycleEvent

    definition = factory.SubFactory(CycleDefinitionFactory)
    year = 2026
    starts_on = dt.date(2026, 3, 1)
    due_on = dt.date(2026, 3, 31)
