"""Analysis runs as jobs: starting one while the broker is down answers and waits for the queue;
a run whose worker died ("running 5 %" forever before) is run again or fails with "Kør igen"."""

import datetime as dt

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError

from monitoring.models import AnalysisRun
from monitoring.tasks import compute_analysis
from socialaftale.lib import jobs
from tests.monitoring import test_analysis_runs

pytestmark = pytest.mark.django_db
lists = test_analysis_runs.lists  # the fixture: two municipalities' lists
LATER = dt.timedelta(minutes=2)


def start(client, capture):
    with capture(execute=True):
        return client.post(
            "/monitorering/analyser/ny/", {"measure_year": "2019", "cohort": "every-january"}
        )


def test_starting_an_analysis_while_the_broker_is_down_waits_and_is_computed_once_it_is_back(
    client,
    secretariat,
    lists,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    def refuse(*args, **kwargs):
        raise OperationalError("Connection refused")

    monkeypatch.setattr(compute_analysis, "delay", refuse)
    client.force_login(secretariat)
    response = start(client, django_capture_on_commit_callbacks)
    run = AnalysisRun.objects.get()
    assert response.status_code == 302 and run.status == "queued"
    assert "Venter på køen" in client.get(run.get_absolute_url()).content.decode()
    monkeypatch.undo()
    assert jobs.sweep(now=timezone.now() + LATER).sent == 1
    run.refresh_from_db()
    assert (run.status, run.attempts, run.result["reduction_pct"]) == ("draft", 1, "6.67")


def test_a_run_stuck_at_5_percent_is_computed_again_by_the_sweep(secretariat, lists):
    run = AnalysisRun.objects.create(
        measure="2019-01",
        version=1,
        status="running",
        progress=5,
        attempts=1,
        heartbeat_at=timezone.now() - dt.timedelta(minutes=3),
    )
    assert jobs.sweep().requeued == 1
    run.refresh_from_db()
    assert (run.status, run.attempts, run.progress) == ("draft", 2, 100)


def test_a_run_that_keeps_losing_its_worker_fails_and_kor_igen_computes_it(
    client,
    secretariat,
    lists,
    django_capture_on_commit_callbacks,
):
    run = AnalysisRun.objects.create(
        measure="2019-01",
        version=1,
        status="running",
        progress=5,
        attempts=3,
        heartbeat_at=timezone.now() - dt.timedelta(minutes=3),
    )
    jobs.sweep()
    client.force_login(secretariat)
    page = client.get(run.get_absolute_url()).content.decode()
    assert "Kør igen" in page and "stoppede 3 gange" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/monitorering/analyser/{run.pk}/proev-igen/")
    run.refresh_from_db()
    assert (run.status, run.version, AnalysisRun.objects.count()) == ("draft", 1, 1)


def test_only_the_secretariat_may_run_a_failed_analysis_again(client, aalborg_reporter):
    run = AnalysisRun.objects.create(measure="2019-01", version=1, status="failed")
    client.force_login(aalborg_reporter)
    assert client.post(f"/monitorering/analyser/{run.pk}/proev-igen/").status_code == 404
    run.refresh_from_db()
    assert run.status == "failed"
