"""The secretariat's start page: queries and time per request as the work grows.

Baseline: the same page with 10 items of every kind on the work list (tests/factories/worklist),
measured in this run. The query count must not grow (each item counts in one query); the time
ratio shows what 1,000 of each costs. The counts are COUNTs in SQL; what grows the page's time
is the list of units no e-mail reaches (the late units here have no reporter), shown beside."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

REPEAT = 15


def measure(client: Client) -> tuple[int, float]:
    client.get("/")  # warm: the first request after a change may store the session
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200, response.status_code
    queries = len(captured)
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get("/")
        timings.append(time.perf_counter() - start)
    return queries, statistics.median(timings) * 1000


def counts_alone(user) -> float:
    """The work list's counts without the page around them (the page also lists every unit
    and member that no e-mail reaches, which grows with the late units here)."""
    from portal.worklist import work_rows

    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        work_rows(user)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def run() -> None:
    from organisations.models import Role
    from tests.factories import MembershipFactory, UserFactory
    from tests.factories.worklist import CODES, work_items

    user = UserFactory(username="bench-sekretariat")
    MembershipFactory(user=user, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    print(f"== Start page / as the secretariat on {connection.vendor} (median of {REPEAT})")
    baseline, made = None, 0
    for size in (10, 1000):
        work_items(size - made, start=made)
        made = size
        queries, millis = measure(client)
        counts = counts_alone(user)
        baseline = baseline or (queries, millis, counts)
        print(
            f"  {size:>5} of each of {len(CODES)} kinds: {queries:>2} queries, {millis:7.1f} ms"
            f"  (queries x{queries / baseline[0]:.2f}, time x{millis / baseline[1]:.2f}"
            f" vs 10 of each); the counts alone {counts:5.1f} ms (x{counts / baseline[2]:.2f})"
        )
