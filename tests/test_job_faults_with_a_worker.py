"""Fault tests with a real worker and a Redis of their own (another port): the broker down while
ordering, a pool child and a whole worker killed mid-task. Every job ends done exactly once.

Needs PostgreSQL (DATABASE_URL; the worker shares the test database) and redis-server."""

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from documents import registry
from documents.models import GeneratedDocument
from monitoring.models import AnalysisRun
from socialaftale.celery import app as celery_app
from socialaftale.lib import jobs
from tests.faults_worker_app import SLOW_KIND, register_slow_kind
from tests.monitoring import test_analysis_runs
from tests.test_celery_worker import worker_database_url

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]
lists = test_analysis_runs.lists  # the fixture: two municipalities' citizen lists
LATER = dt.timedelta(minutes=2)  # the sweep "a little later": heartbeats are stale by then


@pytest.fixture(autouse=True)
def needs_postgresql_and_redis():
    if connection.vendor != "postgresql":
        pytest.skip("the fault tests share the test database with a worker: PostgreSQL only")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Broker:
    """A redis-server of the test's own, started and stopped on demand."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def broker():
    own = Broker()
    previous = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = own.url, False
    celery_app._pool, celery_app.amqp._producer_pool = None, None  # built for another broker
    try:
        yield own
    finally:
        own.stop()
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous
        celery_app._pool, celery_app.amqp._producer_pool = None, None


@pytest.fixture
def fault_dir(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    register_slow_kind()
    yield tmp_path
    registry.unregister(SLOW_KIND)


@contextmanager
def worker(broker, fault_dir):
    """A prefork worker with one pool child, in its own session so it can be killed whole."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialaftale.settings",
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": broker.url,
        "MEDIA_ROOT": str(fault_dir / "media"),
        "JOB_FAULT_DIR": str(fault_dir),
        "JOB_HEARTBEAT_SECONDS": "1",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    command = [
        str(Path(sys.executable).with_name("celery")),
        "-A",
        "tests.faults_worker_app",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-l",
        "warning",
    ]
    with (fault_dir / "worker.log").open("ab") as log:
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def wait_for(condition, fault_dir, timeout=25.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail("timed out; worker log:\n" + (fault_dir / "worker.log").read_text())


def starts(fault_dir, name) -> int:
    counter = fault_dir / name
    return len(counter.read_text().splitlines()) if counter.exists() else 0


def order_document(client, n=1) -> GeneratedDocument:
    client.post("/dokumenter/bestil/", {"kind": SLOW_KIND, "params": f'{{"n": {n}}}'})
    return GeneratedDocument.objects.latest("pk")


def status(job) -> str:
    job.refresh_from_db()
    return job.status


def test_jobs_ordered_while_the_broker_is_down_wait_and_run_exactly_once_when_it_is_back(
    client, secretariat, lists, broker, fault_dir
):
    client.force_login(secretariat)
    began = time.monotonic()
    document = order_document(client)
    response = client.post(
        "/monitorering/analyser/ny/", {"measure_year": "2019", "cohort": "every-january"}
    )
    took = time.monotonic() - began
    run = AnalysisRun.objects.get()
    assert response.status_code == 302 and took < 10
    assert document.is_waiting_for_queue and status(run) == "queued" and run.enqueued_at is None
    assert "Venter på køen" in client.get(f"/dokumenter/{document.pk}/").content.decode()

    broker.start()
    with worker(broker, fault_dir):
        assert jobs.sweep(now=timezone.now() + LATER).sent == 2
        wait_for(lambda: status(document) == "done" and status(run) == "draft", fault_dir)
        assert jobs.sweep(now=timezone.now() + 2 * LATER).sent == 0
        time.sleep(1)
    assert (starts(fault_dir, "renders"), starts(fault_dir, "analyses")) == (1, 1)
    assert (document.attempts, run.attempts, run.result["reduction_pct"]) == (1, 1, "6.67")
    assert len(list((fault_dir / "media").rglob("*.pdf"))) == 1


def test_an_analysis_whose_pool_child_is_killed_mid_task_is_computed_exactly_once(
    client, secretariat, lists, broker, fault_dir
):
    broker.start()
    (fault_dir / "slow").touch()
    client.force_login(secretariat)
    with worker(broker, fault_dir) as process:
        client.post(
            "/monitorering/analyser/ny/", {"measure_year": "2019", "cohort": "every-january"}
        )
        run = AnalysisRun.objects.get()
        wait_for(lambda: starts(fault_dir, "analyses") == 1, fault_dir)
        child = int((fault_dir / "analyses").read_text().split()[0])
        assert child != process.pid
        os.kill(child, signal.SIGKILL)  # the pool child, as the OOM killer would
        time.sleep(2)  # the redelivered message finds the run claimed: it does nothing
        assert (status(run), run.progress, starts(fault_dir, "analyses")) == ("running", 40, 1)
        assert jobs.sweep(now=timezone.now() + LATER).requeued == 1
        wait_for(lambda: status(run) == "draft", fault_dir)
    assert (run.attempts, starts(fault_dir, "analyses"), run.progress) == (2, 2, 100)
    assert "WorkerLostError" in (fault_dir / "worker.log").read_text()


def test_a_document_whose_whole_worker_is_killed_mid_task_is_rendered_exactly_once(
    client, secretariat, broker, fault_dir
):
    broker.start()
    (fault_dir / "slow").touch()
    client.force_login(secretariat)
    with worker(broker, fault_dir) as process:
        document = order_document(client)
        wait_for(lambda: starts(fault_dir, "renders") == 1, fault_dir)
        os.killpg(process.pid, signal.SIGKILL)  # the whole worker: its message stays unacked
        process.wait(timeout=10)
    assert status(document) == "running"
    with worker(broker, fault_dir):
        assert jobs.sweep(now=timezone.now() + LATER).requeued == 1
        wait_for(lambda: status(document) == "done", fault_dir)
    assert (document.attempts, starts(fault_dir, "renders")) == (2, 2)
    assert len(list((fault_dir / "media").rglob("*.pdf"))) == 1


def test_a_budget_run_started_while_the_broker_is_down_runs_once_on_a_real_worker(
    client, secretariat, broker, fault_dir
):
    """Issue 15: the budget run started from its page with the broker down waits in the queue;
    with the broker back a real worker computes every scheme of the year once."""
    from decimal import Decimal

    from tariffs.models import BudgetRun, FinancingSplit
    from tests.factories.organisations import MunicipalityFactory
    from tests.factories.tariffs import DistributionKeyRowFactory, FinancingSchemeFactory

    aalborg = MunicipalityFactory(short_name="Aalborg", name="Aalborg Kommune", code="851")
    laeso = MunicipalityFactory(short_name="Læsø", name="Læsø Kommune", code="825")
    scheme = FinancingSchemeFactory(name="Fast nøgle", year=2019, total=Decimal(1000))
    DistributionKeyRowFactory(key=scheme.key, organisation=aalborg, weight=Decimal(2))
    DistributionKeyRowFactory(key=scheme.key, organisation=laeso, weight=Decimal(1))
    client.force_login(secretariat)
    response = client.post("/takster/budgetkoersel/", {"year": "2019", "scheme": ""})
    run = BudgetRun.objects.get()
    assert response.status_code == 302 and status(run) == "queued" and run.enqueued_at is None

    broker.start()
    with worker(broker, fault_dir):
        assert jobs.sweep(now=timezone.now() + LATER).sent == 1
        wait_for(lambda: status(run) == "done", fault_dir)
        time.sleep(1)
    amounts = FinancingSplit.objects.get(scheme=scheme).rows.values_list("amount", flat=True)
    assert sorted(amounts) == [Decimal(333), Decimal(667)] and run.attempts == 1
