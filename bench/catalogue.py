"""The public catalogue page: queries and time per request as the register grows.

Baseline: the same page with 10 offers, measured in this run. The query count must not grow;
the time ratio shows what the larger register costs (pagination keeps 25 rows a page).
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CapacityFactory,
    MunicipalityFactory,
    OfferFactory,
    RegionFactory,
    UsageFactory,
)

SIZES = (10, 300, 1000)
REPEAT = 15


def grow_to(size: int, parties) -> None:
    from offers.models import Offer

    region, municipalities = parties
    for index in range(Offer.objects.count(), size):
        operator = region if index % 3 == 0 else municipalities[index % len(municipalities)]
        offer = OfferFactory(operator=operator)
        CapacityFactory(offer=offer)
        UsageFactory(offer=offer, acting_municipality=municipalities[(index + 1) % 5])


def measure(client: Client, url: str) -> tuple[int, float]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    queries = len(captured)  # now: each new request resets the connection's query log
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - start)
    return queries, statistics.median(timings) * 1000


def run() -> None:
    parties = (RegionFactory(), [MunicipalityFactory() for _ in range(5)])
    client = Client()
    print(f"== Catalogue /tilbud/ on {connection.vendor} (median of {REPEAT} requests)")
    baseline = None
    for size in SIZES:
        grow_to(size, parties)
        for label, url in (("page 1", "/tilbud/"), ("search", "/tilbud/?q=Bostedet+1")):
            queries, millis = measure(client, url)
            if baseline is None:
                baseline = (queries, millis)
            print(
                f"  {size:>5} offers, {label:<6}: {queries:>2} queries, {millis:7.1f} ms"
                f"  (queries x{queries / baseline[0]:.2f}, time x{millis / baseline[1]:.2f}"
                " vs 10 offers page 1)"
            )
