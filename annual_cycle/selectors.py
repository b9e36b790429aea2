"""Which events of the annual cycle a user sees: the secretariat every one, any other role
those whose definition names one of its roles in the audience."""

import datetime as dt

from django.db.models import Q, QuerySet

from organisations.access import roles_for

from .models import CycleEvent

DUE_DAYS = 60


def audience_q(user) -> Q | None:
    """The filter on the definition's audience flags; None: everything (the secretariat);
    an empty Q never matches (pk__in=[])."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return None
    flags = {
        "for_reporters": roles.is_reporter,
        "for_operators": roles.is_operator,
        "for_body_members": roles.is_body_member,
        "for_expert_panel": roles.is_expert_panel,
    }
    query = Q(pk__in=[])
    for flag, has in flags.items():
        if has:
            query |= Q(**{f"definition__{flag}": True})
    return query


def concerns_nobody(query: Q | None) -> bool:
    return query is not None and query == Q(pk__in=[])


def events_for(user, events: QuerySet | None = None) -> QuerySet:
    events = CycleEvent.objects.all() if events is None else events
    query = audience_q(user)
    if query is None:
        return events
    if concerns_nobody(query):
        return events.none()
    return events.filter(query)


def due_soon(user, today: dt.date) -> QuerySet:
    """Not done, due from today to 60 days ahead (calculations.due_between in SQL)."""
    window = (today, today + dt.timedelta(days=DUE_DAYS))
    return events_for(user).filter(done_on__isnull=True, due_on__range=window)
