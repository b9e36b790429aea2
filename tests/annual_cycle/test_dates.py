"""The annual cycle's dates without the database: spans and single deadlines, the ISO week
of the week-5 forms, a deadline in the next year, states, and what falls due in a period."""

import datetime as dt
from types import SimpleNamespace

from annual_cycle.calculations import (
    COMING,
    DONE,
    NOW,
    OVERDUE,
    due_between,
    event_dates,
    event_state,
    iso_week_span,
)


def definition(**values):
    base = dict(start_month=4, start_day=1, due_month=8, due_day=31, year_offset=0, iso_week=None)
    return SimpleNamespace(**(base | values))


def test_a_span_and_a_single_deadline():
    assert event_dates(definition(), 2026) == (dt.date(2026, 4, 1), dt.date(2026, 8, 31))
    steering = definition(start_month=10, start_day=15, due_month=10, due_day=15)
    assert event_dates(steering, 2026) == (dt.date(2026, 10, 15), dt.date(2026, 10, 15))


def test_week_5_is_monday_to_friday_of_the_iso_week():
    assert iso_week_span(2026, 5) == (dt.date(2026, 1, 26), dt.date(2026, 1, 30))
    # 2027 starts on a Friday: its week 1 begins on 4 January.
    assert iso_week_span(2027, 5) == (dt.date(2027, 2, 1), dt.date(2027, 2, 5))
    assert event_dates(definition(iso_week=5), 2025) == (dt.date(2025, 1, 27), dt.date(2025, 1, 31))
    assert event_dates(definition(iso_week=5, year_offset=1), 2025)[0] == dt.date(2026, 1, 26)


def test_a_deadline_in_the_next_year_and_a_day_the_month_lacks():
    late = definition(start_month=11, start_day=1, due_month=1, due_day=31, year_offset=1)
    assert event_dates(late, 2026) == (dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    short = definition(start_month=2, start_day=30, due_month=2, due_day=31)
    assert event_dates(short, 2028) == (dt.date(2028, 2, 29), dt.date(2028, 2, 29))
    before = definition(start_month=5, start_day=10, due_month=5, due_day=1)
    assert event_dates(before, 2026) == (dt.date(2026, 5, 10), dt.date(2026, 5, 10))


def test_the_state_on_a_day():
    start, due = dt.date(2026, 4, 1), dt.date(2026, 8, 31)
    assert event_state(start, due, None, dt.date(2026, 3, 31)) == COMING
    assert event_state(start, due, None, dt.date(2026, 8, 31)) == NOW
    assert event_state(start, due, None, dt.date(2026, 9, 1)) == OVERDUE
    assert event_state(start, due, dt.date(2026, 9, 5), dt.date(2026, 9, 6)) == DONE


def test_due_between_takes_the_open_events_whose_deadline_is_in_the_period():
    def event(name, due, done=None):
        return SimpleNamespace(name=name, due_on=due, done_on=done)

    events = [
        event("late", dt.date(2026, 12, 2)),
        event("first", dt.date(2026, 12, 3)),
        event("done", dt.date(2026, 12, 10), done=dt.date(2026, 12, 1)),
        event("last", dt.date(2027, 1, 31)),
        event("after", dt.date(2027, 2, 1)),
        event("middle", dt.date(2026, 12, 24)),
    ]
    due = due_between(events, dt.date(2026, 12, 3), dt.date(2027, 1, 31))
    assert [e.name for e in due] == ["first", "middle", "last"]
