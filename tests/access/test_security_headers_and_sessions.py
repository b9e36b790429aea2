"""Security headers (CSP, Permissions-Policy) and session lifetimes: a session ends after an
hour without a request and twelve hours after login, whatever the activity."""

import pytest
from django.conf import settings

from socialaftale import middleware

HOUR = 3600


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves: clock.now is what time.time() returns in the middleware."""

    class Clock:
        now = 1_700_000_000.0

        def advance(self, seconds):
            self.now += seconds

    fake = Clock()
    monkeypatch.setattr(middleware.time, "time", lambda: fake.now)
    return fake


def logged_out(response) -> bool:
    return response.status_code == 302 and response.url.startswith("/konto/login/")


@pytest.mark.django_db
def test_every_page_sends_a_csp_without_plugins_or_foreign_base_and_a_permissions_policy(client):
    response = client.get("/tilbud/")
    csp = response.headers["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "base-uri 'self'" in csp
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_the_session_cookie_lives_no_longer_than_the_absolute_lifetime():
    assert settings.SESSION_IDLE_MINUTES == 60 and settings.SESSION_ABSOLUTE_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * HOUR


@pytest.mark.django_db
def test_an_idle_session_is_logged_out_with_a_danish_message(client, secretariat, clock):
    client.force_login(secretariat)
    assert client.get("/moeder/").status_code == 200
    clock.advance(61 * 60)
    response = client.get("/moeder/")
    assert logged_out(response) and "next=/moeder/" in response.url
    page = client.get(response.url).content.decode()
    assert "Du er blevet logget ud, fordi sessionen er udløbet." in page
    assert "_auth_user_id" not in client.session
    assert logged_out(client.get("/moeder/"))  # and it stays logged out


@pytest.mark.django_db
def test_activity_within_the_idle_window_keeps_the_session(client, secretariat, clock):
    client.force_login(secretariat)
    for _ in range(6):  # five hours in steps of 50 minutes
        assert client.get("/moeder/").status_code == 200
        clock.advance(50 * 60)
    assert client.get("/moeder/").status_code == 200


@pytest.mark.django_db
def test_a_session_past_the_absolute_lifetime_is_logged_out_however_active(
    client, aalborg_reporter, clock
):
    client.force_login(aalborg_reporter)
    for _ in range(14):  # a request every 55 minutes: never idle for an hour
        assert client.get("/indberetninger/").status_code == 200
        clock.advance(55 * 60)
    assert logged_out(client.get("/indberetninger/"))  # 12 h 50 min after the first request


@pytest.mark.django_db
def test_an_expired_session_does_not_carry_out_the_post_it_came_with(client, secretariat, clock):
    from meetings.models import Meeting

    client.force_login(secretariat)
    client.get("/moeder/")
    clock.advance(2 * HOUR)
    response = client.post("/moeder/ny/", {"body": "das", "date": "2030-01-01"})
    assert logged_out(response)
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_not_affected(client, clock):
    assert client.get("/tilbud/").status_code == 200
    clock.advance(24 * HOUR)
    assert client.get("/tilbud/").status_code == 200
