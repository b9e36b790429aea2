"""The start page's work list (issue 13): every registered item counts in one query whatever
the data size, the page's query count does not grow with the data, and each role sees what
is due for them with a link to where the work is done."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.access import roles_for
from organisations.models import Role
from socialaftale.lib import worklist
from tests.factories import MembershipFactory, UserFactory
from tests.factories.worklist import CODES, work_items


@pytest.fixture
def personas(secretariat, aalborg_reporter, aalborg_operator, das_member, outsider):
    panel = UserFactory(username="ekspert")
    MembershipFactory(user=panel, role=Role.EXPERT_PANEL)
    superuser = UserFactory(username="admin", is_superuser=True, is_staff=True)
    return [secretariat, aalborg_reporter, aalborg_operator, das_member, outsider, panel, superuser]


def _queries(function, *args) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as captured:
        result = function(*args)
    return result, len(captured)


def test_every_registered_item_counts_in_one_query_for_whom_it_concerns(personas):
    work_items(3)
    for user in personas:
        roles_for(user)  # read once per request (the start page's view reads it first)
    assert worklist.items(), "no work item is registered"
    for item in worklist.items():
        queries = {user.username: _queries(item.count, user)[1] for user in personas}
        assert max(queries.values()) <= 1, (item.code, queries)
        assert 1 in queries.values(), (item.code, "concerns nobody?", queries)


def test_the_secretariat_s_own_items_each_count_in_exactly_one_query(secretariat):
    work_items(3)
    roles_for(secretariat)
    items = {item.code: item for item in worklist.items()}
    for code in CODES:
        count, queries = _queries(items[code].count, secretariat)
        assert (code, count, queries) == (code, 3, 1)


def _page(client) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    counts = {row.code: row.count for row in response.context["work_due"]}
    return counts, len(captured)


def test_the_start_page_s_queries_do_not_grow_from_10_to_1000_items(client, secretariat):
    client.force_login(secretariat)
    client.get("/")  # the first request after logging in also stores the session
    work_items(10)
    small, small_queries = _page(client)
    work_items(990, start=10)
    large, large_queries = _page(client)
    assert {code: small[code] for code in CODES} == dict.fromkeys(CODES, 10)
    assert {code: large[code] for code in CODES} == dict.fromkeys(CODES, 1000)
    assert large_queries == small_queries
