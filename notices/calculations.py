"""The rules of change notices and development plans as pure functions (no ORM)."""

import datetime as dt
from dataclasses import dataclass

# SPEC §2: an offer with more than 100 places needs a development plan with yearly follow-up.
PLAN_THRESHOLD = 100
# A register change counts as noticed when a notice of its kind for the offer was given no
# more than this many days before or after it (a late notice is still a notice: it is flagged
# as a breach on its own).
NOTICE_WINDOW_DAYS = 365


def is_breach(*, decided_on: dt.date, noticed_on: dt.date) -> bool:
    """SPEC §1: a party must give notice as early as possible and at the latest when the
    decision is taken; a notice dated after its decision breaks the agreement. Notice on the
    day of the decision is in time."""
    return noticed_on > decided_on


def needs_plan(places: int | None) -> bool:
    return places is not None and places > PLAN_THRESHOLD


def plan_is_current(plan_years, year: int) -> bool:
    """A plan or its follow-up exists for the year (the follow-up is yearly)."""
    return year in set(plan_years)


@dataclass(frozen=True)
class RegisterChange:
    """A major change the offer register shows: the offer closed, or its places changed."""

    offer_id: int
    kind: str  # a NoticeKind value
    on: dt.date
    before: object = None  # the status, the places or the target groups before and after
    after: object = None


@dataclass(frozen=True)
class NoticeRef:
    offer_id: int
    kind: str
    noticed_on: dt.date


def is_noticed(change: RegisterChange, notices, window_days: int = NOTICE_WINDOW_DAYS) -> bool:
    window = dt.timedelta(days=window_days)
    return any(
        n.offer_id == change.offer_id
        and n.kind == change.kind
        and abs(n.noticed_on - change.on) <= window
        for n in notices
    )


def changes_without_notice(changes, notices, window_days: int = NOTICE_WINDOW_DAYS):
    """The register changes no notice of their kind for their offer covers, oldest first."""
    notices = list(notices)
    missing = [c for c in changes if not is_noticed(c, notices, window_days)]
    return sorted(missing, key=lambda c: (c.on, c.offer_id))


@dataclass(frozen=True)
class Snapshot:
    """One historical record of an offer's status or of a year's places, in time order."""

    key: object  # what the records are of (an offer id, a capacity id)
    offer_id: int
    on: dt.date
    value: object


def transitions(snapshots, *, kind: str, since: dt.date, became=None, grew: bool = False):
    """The changes of value between consecutive records of the same key on or after `since`
    (a first record is no change); with `became`, only the changes to that value; with
    `grew`, only those where a set of values gained members (a new target group)."""
    previous: dict = {}
    found = []
    for snap in snapshots:
        before = previous.get(snap.key, _MISSING)
        previous[snap.key] = snap.value
        if before is _MISSING or before == snap.value or snap.on < since:
            continue
        if became is not None and snap.value != became:
            continue
        if grew and not set(snap.value) - set(before):
            continue
        found.append(RegisterChange(snap.offer_id, kind, snap.on, before, snap.value))
    return found


_MISSING = object()
