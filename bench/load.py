"""Load test: gunicorn on 127.0.0.1 against the bench's database with the demo data, N
concurrent clients for a bounded time and request count over public and logged-in pages.

    python -m bench.load [--clients 20] [--seconds 20] [--max-requests 20000]

A small threaded client on the standard library (urllib): the figures asked for (requests,
errors, req/s, p50/p99 per page group) need no more, and locust would add gevent and a web UI
to the dependencies for nothing the portal uses. Never in CI; it binds only 127.0.0.1.
"""

import argparse
import io
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import django

PERSONAS = ("sekretariat", "aalborg-fb", "hjorring", "aalborg-drift", "das-medlem")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pages() -> dict[str, list[tuple[str | None, str]]]:
    """Page group -> (persona or None for anonymous, path)."""
    from meetings.models import Meeting
    from offers.models import Offer
    from submissions.models import ReportingRound

    offers = list(Offer.objects.values_list("pk", flat=True)[:10])
    meeting = Meeting.objects.get(body__short_name="DAS").reference
    round_pk = ReportingRound.objects.get(status="open").pk
    return {
        "public": [
            (None, "/tilbud/"),
            (None, "/kommuner/"),
            (None, "/kommuner/851/"),
            *((None, f"/tilbud/{pk}/") for pk in offers),
        ],
        "logged-in": [
            ("sekretariat", "/moeder/"),
            ("sekretariat", f"/moeder/{meeting}/"),
            ("das-medlem", f"/moeder/{meeting}/"),
            ("sekretariat", f"/indberetninger/runder/{round_pk}/"),
            *((persona, "/") for persona in PERSONAS),
        ],
    }


def session_cookies() -> dict[str, str]:
    """A session per persona, stored in the shared database the server reads."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    cookies = {}
    for user in get_user_model().objects.filter(username__in=PERSONAS):
        client = Client()
        client.force_login(user)
        cookies[user.username] = client.cookies["sessionid"].value
    return cookies


def drive(base, plan, cookies, deadline, budget, results, lock):
    rng = random.Random()  # noqa: S311 (a mix of pages, not a secret)
    while time.monotonic() < deadline:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        group, (persona, path) = rng.choice(plan)
        request = urllib.request.Request(base + path)  # noqa: S310 (http://127.0.0.1 only)
        if persona:
            request.add_header("Cookie", f"sessionid={cookies[persona]}")
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                response.read()
                ok = response.status == 200
        except (urllib.error.URLError, OSError):
            ok = False
        with lock:
            results.append((group, time.perf_counter() - start, ok))


def report(results, seconds) -> None:
    groups = sorted({group for group, _, _ in results})
    for label, rows in [(g, [r for r in results if r[0] == g]) for g in groups] + [
        ("overall", results)
    ]:
        times = sorted(t * 1000 for _, t, _ in rows)
        errors = sum(not ok for _, _, ok in rows)
        p99 = statistics.quantiles(times, n=100)[98] if len(times) > 1 else times[0]
        print(
            f"{label:>10}: {len(rows):6} requests, {errors} errors, "
            f"{len(rows) / seconds:7.1f} req/s, p50 {statistics.median(times):6.1f} ms, "
            f"p99 {p99:6.1f} ms"
        )


def run_load(clients: int, seconds: float, max_requests: int) -> None:
    from django.db import connection

    cookies = session_cookies()
    groups = pages()
    plan = [(group, page) for group, entries in groups.items() for page in entries]
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, bound to 127.0.0.1)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "socialaftale.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        wait_for(port)
        base, results, lock, budget = (
            f"http://127.0.0.1:{port}",
            [],
            threading.Lock(),
            [max_requests],
        )
        print(
            f"== Load: {clients} clients, {seconds:g} s or {max_requests} requests, "
            f"gunicorn 2 workers x 4 threads on 127.0.0.1:{port}, {connection.vendor}"
        )
        start = time.monotonic()
        threads = [
            threading.Thread(
                target=drive, args=(base, plan, cookies, start + seconds, budget, results, lock)
            )
            for _ in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(results, time.monotonic() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)


def database_url(settings_dict) -> str:
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user, host = settings_dict["USER"], settings_dict["HOST"] or "127.0.0.1"
    return f"postgres://{user}@{host}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--max-requests", type=int, default=20000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialaftale.settings_test")
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="socialaftale-load-"))
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":  # a file the server process can open, not :memory:
        folder = tempfile.mkdtemp(prefix="socialaftale-load-db-")
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"{folder}/load.sqlite3"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo_data", stdout=io.StringIO())
        connection.close()  # the server opens its own connections
        run_load(args.clients, args.seconds, args.max_requests)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
