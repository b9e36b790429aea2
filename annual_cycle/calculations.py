"""The annual cycle's dates without the database: an event's span in a year from its
definition's values, its state on a day, and which events fall due in a period."""

import calendar
import datetime as dt
from collections.abc import Iterable

DONE, OVERDUE, NOW, COMING = "done", "overdue", "now", "coming"


def _day(year: int, month: int, day: int) -> dt.date:
    """A day of the month; the month's last day for one it does not have (31 April)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def iso_week_span(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and Friday of ISO week `week` of `year` (week 5 of 2026: 26-30 January); a
    week 53 in a year without one is its last week."""
    week = min(week, dt.date(year, 12, 28).isocalendar().week)
    return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 5)


def event_dates(definition, year: int) -> tuple[dt.date, dt.date]:
    """(starts_on, due_on) of a definition-like object's event in `year`. A due day before
    the start day is moved to the start day (a single deadline)."""
    if definition.iso_week:
        return iso_week_span(year + definition.year_offset, definition.iso_week)
    starts_on = _day(year, definition.start_month, definition.start_day)
    due_on = _day(year + definition.year_offset, definition.due_month, definition.due_day)
    return starts_on, max(starts_on, due_on)


def event_state(starts_on: dt.date, due_on: dt.date, done_on: dt.date | None, today) -> str:
    if done_on is not None:
        return DONE
    if due_on < today:
        return OVERDUE
    if starts_on <= today:
        return NOW
    return COMING


def due_between(events: Iterable, first: dt.date, last: dt.date) -> list:
    """The events not done whose deadline falls in [first, last], earliest first (the same
    rule as selectors.due_soon in SQL)."""
    due = [e for e in events if e.done_on is None and first <= e.due_on <= last]
    return sorted(due, key=lambda e: e.due_on)
