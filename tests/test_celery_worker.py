"""A real round trip: Redis broker -> a Celery worker process -> PostgreSQL -> result backend.

Ordinary tests run Celery eagerly; this one starts `celery worker` as a subprocess against the
test database, so it needs REDIS_URL and PostgreSQL (an in-memory SQLite test database is
invisible to another process).
"""

import os
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from celery.exceptions import TimeoutError as CeleryTimeoutError
from django.conf import settings
from django.db import connection
from django_celery_results.models import TaskResult

from portal.tasks import database_round_trip
from socialaftale.celery import app as celery_app
from tests.factories import OfferFactory

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

RESULT_TIMEOUT = 60


def worker_database_url() -> str:
    """A DATABASE_URL for the test database this process is using."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    credentials = f"{user}{password}@" if user else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


@contextmanager
def celery_worker(queue: str, redis_url: str, log: Path):
    """A worker subprocess consuming only `queue`; always stopped on the way out."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialaftale.settings",
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": redis_url,
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    command = [
        str(Path(sys.executable).with_name("celery")),
        "-A",
        "socialaftale",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "-Q",
        queue,
        "-n",
        f"{queue}@%h",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-l",
        "warning",
    ]
    with log.open("wb") as output:
        worker = subprocess.Popen(  # noqa: S603 - fixed argument list
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield worker
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=15)


@contextmanager
def eager_celery_switched_off():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = previous


def test_a_task_travels_through_redis_a_worker_and_postgresql_and_back():
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: the worker round trip needs a Redis broker")
    if connection.vendor != "postgresql":
        pytest.skip(
            f"the worker test needs PostgreSQL (DATABASE_URL); the {connection.vendor} test "
            "database cannot be shared with a worker process"
        )
    offers = [OfferFactory(name="Kridtsløjfen"), OfferFactory(name="Aslundhjemmet")]
    queue = f"test-round-trip-{uuid.uuid4().hex}"

    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "worker.log"
        with (
            celery_worker(queue, redis_url, log) as worker,
            eager_celery_switched_off(),
            # An explicit connection: the app's pool may have been built for another broker.
            celery_app.connection_for_write(redis_url) as broker,
        ):
            result = database_round_trip.apply_async(
                args=[[offer.pk for offer in offers]], queue=queue, connection=broker
            )
            try:
                outcome = result.get(timeout=RESULT_TIMEOUT)
            except CeleryTimeoutError:
                state = "still running" if worker.poll() is None else f"exited {worker.returncode}"
                pytest.fail(
                    f"no result within {RESULT_TIMEOUT} s; worker {state}. Worker log:\n"
                    + log.read_text(errors="replace")
                )
            finally:
                # Each run's queue is unique: remove it rather than leave bindings in Redis.
                broker.default_channel.exchange_delete(queue)
                broker.default_channel.queue_delete(queue)

    assert outcome == {"vendor": "postgresql", "offers": ["Aslundhjemmet", "Kridtsløjfen"]}
    stored = TaskResult.objects.get(task_id=result.id)
    assert stored.status == "SUCCESS"
    assert stored.task_name == "portal.tasks.database_round_trip"
