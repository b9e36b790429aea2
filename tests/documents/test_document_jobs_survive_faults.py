"""Documents as jobs (socialaftale/lib/jobs.py): a broker that is down, a duplicate delivery and
a worker that died never lose a document or render it twice; a failed one can be tried again."""

import datetime as dt

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError

from documents.models import GeneratedDocument
from documents.services import document_render
from documents.tasks import render_document
from socialaftale.lib import jobs
from tests.documents.conftest import TEST_KIND

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status
LATER = dt.timedelta(minutes=2)


@pytest.fixture
def renders(register_kind):
    calls = []
    register_kind(TEST_KIND, render=lambda params, progress: calls.append(1) or b"%PDF-1.7\n")
    return calls


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(render_document, "delay", refuse)
    return monkeypatch


def order(client, user, capture):
    client.force_login(user)
    with capture(execute=True):
        return client.post("/dokumenter/bestil/", {"kind": TEST_KIND, "params": '{"year": 2019}'})


def test_ordering_a_pdf_while_the_broker_is_down_shows_it_waiting_for_the_queue(
    client, secretariat, renders, broker_down, django_capture_on_commit_callbacks, caplog
):
    response = order(client, secretariat, django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response.url == f"/dokumenter/{document.pk}/"
    assert (document.status, document.enqueued_at, renders) == (Status.QUEUED, None, [])
    assert "could not be handed to the queue" in caplog.text
    page = client.get(f"/dokumenter/{document.pk}/").content.decode()
    assert "Venter på køen" in page


def test_the_sweep_sends_the_waiting_document_once_the_broker_is_back_and_only_once(
    client, secretariat, renders, broker_down, django_capture_on_commit_callbacks
):
    order(client, secretariat, django_capture_on_commit_callbacks)
    assert jobs.sweep().sent == 0  # less than a minute old: not yet
    broker_down.undo()  # the broker is back (eager Celery: the task runs at once)
    assert jobs.sweep(now=timezone.now() + LATER).sent == 1
    jobs.sweep(now=timezone.now() + 2 * LATER)
    document = GeneratedDocument.objects.get()
    assert (document.status, document.attempts, renders) == (Status.DONE, 1, [1])


def test_a_second_delivery_of_a_running_document_does_nothing(secretariat, renders):
    document = GeneratedDocument.objects.create(
        kind=TEST_KIND,
        key="k",
        params={"year": 2019},
        title="t",
        version=1,
        status=Status.RUNNING,
        attempts=1,
        heartbeat_at=timezone.now(),
    )
    document_render(document_id=document.pk)
    document.refresh_from_db()
    assert (document.status, renders) == (Status.RUNNING, [])


def stalled(attempts):
    return GeneratedDocument.objects.create(
        kind=TEST_KIND,
        key="k",
        params={"year": 2019},
        title="t",
        version=1,
        status=Status.RUNNING,
        attempts=attempts,
        progress=5,
        heartbeat_at=timezone.now() - dt.timedelta(minutes=5),
    )


def test_a_document_whose_worker_died_is_queued_again_and_rendered_once(secretariat, renders):
    document = stalled(attempts=1)
    report = jobs.sweep()
    document.refresh_from_db()
    assert (report.requeued, document.status, document.attempts) == (1, Status.DONE, 2)
    assert renders == [1] and document.file


def test_a_document_that_lost_its_worker_too_often_fails_visibly_and_can_be_tried_again(
    client, secretariat, renders, django_capture_on_commit_callbacks
):
    document = stalled(attempts=3)
    assert jobs.sweep().failed == 1
    document.refresh_from_db()
    assert document.status == Status.FAILED and "3 gange" in document.error
    client.force_login(secretariat)
    assert "Prøv igen" in client.get(f"/dokumenter/{document.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/dokumenter/{document.pk}/proev-igen/")
    document.refresh_from_db()
    assert response.status_code == 302
    assert (document.status, document.attempts, renders) == (Status.DONE, 1, [1])


def test_only_the_secretariat_or_whoever_ordered_may_try_a_failed_document_again(
    client, aalborg_reporter, renders
):
    document = stalled(attempts=3)
    jobs.sweep()
    client.force_login(aalborg_reporter)
    assert client.post(f"/dokumenter/{document.pk}/proev-igen/").status_code == 404
    document.refresh_from_db()
    assert document.status == Status.FAILED


def test_an_attempt_that_was_taken_over_cannot_overwrite_the_result(secretariat):
    document = stalled(attempts=1)
    old_attempt = GeneratedDocument.objects.get(pk=document.pk)
    GeneratedDocument.objects.filter(pk=document.pk).update(attempts=2)  # the sweep re-ran it
    assert not jobs.finish(old_attempt, status=Status.FAILED, error="late")
    document.refresh_from_db()
    assert (document.status, document.error) == (Status.RUNNING, "")
