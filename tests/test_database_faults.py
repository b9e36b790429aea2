"""PostgreSQL restarting or down: pooled connections are checked before use, the wait is a few
seconds, and the user gets a Danish 503 page instead of a 500."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client


def database_options(url: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.db import connection as c; "
        "o = c.settings_dict['OPTIONS']; "
        "print(json.dumps({'connect_timeout': o['connect_timeout'], 'timeout': c.pool.timeout, "
        "'check': c.pool._check.__qualname__}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "socialaftale.settings", "DATABASE_URL": url}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_pooled_postgresql_connections_are_checked_and_waits_are_a_few_seconds():
    options = database_options("postgres://postgres@127.0.0.1:5432/anything")
    assert options["check"] == "ConnectionPool.check_connection"
    assert options["connect_timeout"] <= 5 and options["timeout"] <= 10


@pytest.mark.django_db
def test_a_database_that_is_down_gives_a_danish_503_page_not_a_500(monkeypatch):
    def down():
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr("portal.views.default_year", down)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Portalen kan ikke nå sin database lige nu" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_are_still_a_500(monkeypatch):
    monkeypatch.setattr("portal.views.default_year", lambda: 1 / 0)
    assert Client(raise_request_exception=False).get("/").status_code == 500
