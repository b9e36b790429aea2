"""Every URL pattern of the URLconf, requested as every persona with objects of different
units, operators and bodies (GET), and POSTed to by every persona that may not (a refused
POST changes no row in any table). A new URL without a rule in matrix_rules.py fails."""

import hashlib
import logging

import pytest
from django.db import connection
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.access.matrix_rules import ADMIN_REASON, ANON, RULES

logger = logging.getLogger(__name__)
# Tables that change on every request by design: sessions, login throttling's access log.
VOLATILE = {"django_session", "axes_accesslog", "axes_accessattempt", "axes_accessfailurelog"}
BIG = 2000  # rows; bigger tables are compared by count and highest id only


def url_patterns(resolver=None, namespace=None):
    """(name, pattern) for every pattern, recursively, namespaces included."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n) or None
            yield from url_patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(n for n in (namespace, entry.name or "<unnamed>") if n)
            yield name, entry


def snapshot() -> dict[str, str]:
    """A checksum of every table's rows (count and highest id for the big ones)."""
    sums = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table in VOLATILE:
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (introspected)
            (count,) = cursor.fetchone()
            if count > BIG:
                cursor.execute(f'SELECT MAX(id) FROM "{table}"')  # noqa: S608
                sums[table] = f"{count}:{cursor.fetchone()[0]}"
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            sums[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return sums


def expected_denial(response, persona: str, post_only: bool) -> bool:
    if response.status_code == 405 and post_only:
        return True
    if persona == ANON:
        return response.status_code == 302 and "/konto/login/" in response.url
    return response.status_code == 404


def requests_for(data):
    """(name, url, case, rule) for every non-admin pattern; fails on a pattern without rule."""
    missing = []
    for name, pattern in url_patterns():
        if name.startswith("admin:"):
            continue
        rule = RULES.get(name)
        if rule is None:
            missing.append(f"{name}: {pattern.pattern}")
            continue
        if rule.kind == "excluded":
            continue
        for case in rule.cases(data):
            yield name, reverse(name, kwargs=case.kwargs), case, rule
    assert not missing, f"URL patterns without an access rule: {missing}"


def test_every_url_pattern_has_an_access_rule():
    names = {name for name, _ in url_patterns() if not name.startswith("admin:")}
    assert names == set(RULES), (names - set(RULES), set(RULES) - names)


@pytest.mark.django_db
def test_every_persona_gets_what_its_role_allows_and_404_for_the_rest(world, record):
    data, clients = world
    wrong, count = [], 0
    for name, url, case, rule in requests_for(data):
        for persona, client in clients.items():
            response = client.get(url)
            count += 1
            status = response.status_code
            if persona in case.get:
                ok = status in (200, 302) or (rule.post_only and status == 405)
            else:
                ok = expected_denial(response, persona, rule.post_only)
            if not ok:
                wrong.append(f"GET {url} as {persona}: {status} ({name}, {rule.kind})")
    count += admin_requests(clients, wrong)
    record("GET", len(list(url_patterns())), len(clients), count)
    assert not wrong, "\n".join(wrong)


def admin_requests(clients, wrong) -> int:
    """ADMIN_REASON: every admin URL without parameters, and with dummy ones, as non-staff."""
    count = 0
    for name, pattern in url_patterns():
        if not name.startswith("admin:") or name == "admin:<unnamed>":
            continue
        kwargs = {key: "1" for key in pattern.pattern.converters}
        kwargs.update({k: "auth" for k in ("app_label",) if k in kwargs})
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a regex pattern that takes no "1": its prefix is requested
            url = reverse("admin:index")
        for persona, client in clients.items():
            response = client.get(url)
            count += 1
            to_login = response.status_code == 302 and "/admin/login/" in response.url
            if name == "admin:logout":  # POST-only: GET is 405, or a redirect to the login
                to_login = response.status_code in (302, 405)
            if name != "admin:login" and not to_login:
                wrong.append(f"GET {url} as {persona}: {response.status_code} ({ADMIN_REASON})")
    return count


@pytest.mark.django_db
def test_a_refused_post_changes_no_row_and_answers_404_405_or_login(world, record):
    data, clients = world
    before = snapshot()
    wrong, count, patterns = [], 0, set()
    for name, url, case, _rule in requests_for(data):
        if case.post is None:
            continue
        patterns.add(name)
        for persona, client in clients.items():
            if persona in case.post:
                continue
            response = client.post(url, {"title": "x", "name": "x", "kind": "meetings.document"})
            count += 1
            if not expected_denial(response, persona, post_only=True):
                wrong.append(f"POST {url} as {persona}: {response.status_code} ({name})")
            after = snapshot()
            changed = [table for table in before if before[table] != after.get(table)]
            if changed:
                wrong.append(f"POST {url} as {persona} changed {changed}")
                before = after
    record("POST", len(patterns), len(clients), count)
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def record(request):
    def write(method, patterns, personas, requests):
        line = f"access matrix {method}: {patterns} URL patterns x {personas} personas, "
        line += f"{requests} requests"
        request.node.user_properties.append(("access_figures", line))
        logger.info(line)

    return write
