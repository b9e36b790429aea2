"""Links in e-mails point at the portal's own address (issue 11 #17): SITE_URL when it is set,
otherwise the address of the request behind the mail, also when a worker sends it; never a
fixed http://127.0.0.1:8000 while the portal runs elsewhere."""

import datetime as dt
import logging
import threading

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.test import RequestFactory

from socialaftale.lib.site import LOCAL_SITE_URL, SiteURLMiddleware, site_url
from submissions import services

HOST = "127.0.0.1:8015"  # another port than make run's 8000


@pytest.fixture
def reporting_round(hjorring_reporter):
    unit = hjorring_reporter.memberships.get().unit
    created = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Runde",
        opens_on=dt.date(2026, 11, 24),
        deadline=dt.date(2027, 1, 20),
        units=[unit],
    )
    return services.round_open(reporting_round=created)


def remind_from_the_board(client, reporting_round):
    client.post(
        f"/indberetninger/runder/{reporting_round.pk}/paamind/", {"unit": "860"}, HTTP_HOST=HOST
    )
    (sent,) = mail.outbox
    return sent.body


@pytest.mark.django_db
def test_without_site_url_a_mail_links_to_the_address_the_user_came_in_at(
    client, settings, secretariat, reporting_round
):
    settings.SITE_URL = ""
    client.force_login(secretariat)
    body = remind_from_the_board(client, reporting_round)
    assert f"http://{HOST}/indberetninger/runder/{reporting_round.pk}/enhed/860/" in body
    assert "8000" not in body


@pytest.mark.django_db
def test_a_site_url_that_is_set_is_used_whatever_the_request(
    client, settings, secretariat, reporting_round
):
    settings.SITE_URL = "https://portal.example.dk/"
    client.force_login(secretariat)
    body = remind_from_the_board(client, reporting_round)
    assert f"https://portal.example.dk/indberetninger/runder/{reporting_round.pk}/" in body


def test_a_mail_with_no_request_behind_it_uses_the_local_address_and_says_so(settings, caplog):
    settings.SITE_URL = ""
    with caplog.at_level(logging.WARNING, logger="socialaftale.lib.site"):
        assert site_url() == LOCAL_SITE_URL
    assert "SITE_URL is not set" in caplog.text


def test_a_worker_links_to_the_address_of_the_request_that_queued_its_task(settings):
    """A real worker (in a thread of its own, on an in-memory broker): the task sees the
    address only through its message, not through the request's context."""
    settings.SITE_URL = ""
    app = Celery("site-url-test", broker="memory://localhost/", backend="cache+memory://")
    app.conf.task_always_eager = False
    seen, done = [], threading.Event()

    @app.task(ignore_result=True)
    def remember_site_url():
        seen.append(site_url())
        done.set()

    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING"):
        request = RequestFactory().get("/", HTTP_HOST=HOST)
        SiteURLMiddleware(lambda request: remember_site_url.delay())(request)
        assert done.wait(20)
    assert seen == [f"http://{HOST}"]
