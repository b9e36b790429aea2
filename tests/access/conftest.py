"""The access matrix's world (shared by the matrix and the Danish-dates test) and its figures
(URL patterns x personas, requests), printed after the run."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.access.matrix_data import build_data
from tests.access.matrix_rules import ANON, PERSONAS
from tests.access.matrix_world import build_world
from tests.factories import UserFactory


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    build_world()
    UserFactory(username="udenfor")
    data = build_data()
    clients = {ANON: Client()}
    for user in get_user_model().objects.filter(username__in=PERSONAS):
        clients[user.username] = Client()
        clients[user.username].force_login(user)  # before any snapshot: sets last_login
    assert set(clients) == set(PERSONAS)
    return data, clients


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get(
        "failed", []
    ):
        for key, line in getattr(report, "user_properties", []):
            if key == "access_figures":
                terminalreporter.write_line(line)
