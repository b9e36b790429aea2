"""Requesting a document queues a new version; the Celery task (eager in tests) renders and
stores it once the request's transaction commits."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from documents.models import GeneratedDocument
from documents.services import document_render, document_request
from tests.documents.conftest import FAILING_KIND, TEST_KIND

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what was enqueued with on_commit, as a real commit would (the
    test's own transaction never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def request_pdf(client, kind=TEST_KIND, params='{"year": 2019}'):
    return client.post("/dokumenter/bestil/", {"kind": kind, "params": params})


def test_the_secretariat_requests_version_1_then_version_2_of_the_same_document(
    client, secretariat, budget_kind, committed
):
    client.force_login(secretariat)
    with committed():
        first = request_pdf(client)
    with committed():
        second = request_pdf(client)
    documents = list(GeneratedDocument.objects.order_by("version"))
    assert [(d.key, d.version, d.status) for d in documents] == [
        (f"{TEST_KIND}:2019", 1, "done"),
        (f"{TEST_KIND}:2019", 2, "done"),
    ]
    assert first.url == f"/dokumenter/{documents[0].pk}/"
    assert second.url == f"/dokumenter/{documents[1].pk}/"
    assert documents[1].created_by == secretariat
    assert documents[1].title == "Socialtilsyn budget 2019"


def test_another_year_starts_its_own_version_series(secretariat, budget_kind, committed):
    with committed():
        document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
        other = document_request(kind=TEST_KIND, params={"year": 2020}, user=secretariat)
    assert (other.key, other.version) == (f"{TEST_KIND}:2020", 1)


def test_the_task_is_enqueued_only_when_the_transaction_commits(
    secretariat, budget_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    assert len(callbacks) == 1
    document.refresh_from_db()
    assert (document.status, document.progress) == ("queued", 0)


def test_the_rendered_file_is_a_numbered_pdf_with_the_title_and_rows(
    secretariat, budget_kind, progress_seen, committed
):
    with committed():
        document = document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    document.refresh_from_db()
    assert (document.status, document.progress) == ("done", 100)
    assert document.status_message  # "Finished", in Danish once locale/ has the new msgids
    assert progress_seen == [50]
    assert document.finished_at is not None
    assert document.file.name.endswith("socialtilsyn-budget-2019-v1.pdf")
    with document.file.open("rb") as file:
        content = file.read()
    assert content.startswith(b"%PDF-") and document.size == len(content)
    pages = PdfReader(io.BytesIO(content)).pages
    assert len(pages) >= 2
    text = "\n".join(page.extract_text() for page in pages)
    assert "Socialtilsyn budget 2019" in text and "Kommune 60" in text
    for number, page in enumerate(pages, start=1):
        assert f"{number}/{len(pages)}" in page.extract_text()


def test_progress_is_saved_while_the_renderer_runs(secretariat, register_kind, committed):
    seen = []

    def render(params, progress):
        progress(50, "Halvvejs")
        document = GeneratedDocument.objects.get()
        seen.append((document.status, document.progress, document.status_message))
        return b"%PDF-1.7\n"

    register_kind(TEST_KIND, render=render)
    with committed():
        document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    assert seen == [("running", 50, "Halvvejs")]
    assert GeneratedDocument.objects.get().progress == 100


def test_a_failing_renderer_leaves_a_failed_document_with_an_error_and_no_file(
    secretariat, failing_kind, committed, caplog
):
    with committed():
        document = document_request(kind=FAILING_KIND, params={"year": 2019}, user=secretariat)
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.FAILED
    assert "RuntimeError: ingen takster for året" in document.error
    assert not document.file
    assert document.size is None and document.finished_at is not None
    assert "could not be rendered" in caplog.text


def test_rendering_a_finished_document_again_changes_nothing(secretariat, register_kind, committed):
    calls = []
    register_kind(TEST_KIND, render=lambda params, progress: calls.append(1) or b"%PDF-1.7\n")
    with committed():
        document = document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    document.refresh_from_db()
    again = document_render(document_id=document.pk)
    assert calls == [1]
    assert (again.file.name, again.finished_at) == (document.file.name, document.finished_at)


def test_an_unknown_kind_cannot_be_requested(secretariat):
    with pytest.raises(ValidationError):
        document_request(kind="nothing.here", params={}, user=secretariat)


def test_a_version_number_taken_meanwhile_is_retried_with_the_next(
    secretariat, register_kind, committed, monkeypatch
):
    from documents import services

    register_kind(TEST_KIND, render=lambda params, progress: b"%PDF-1.7\n")
    with committed():
        document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    real, reads = services._latest_version, []

    def latest_version(key):
        reads.append(key)
        return 0 if len(reads) == 1 else real(key)  # first read is stale, as in a race

    monkeypatch.setattr(services, "_latest_version", latest_version)
    with committed():
        second = document_request(kind=TEST_KIND, params={"year": 2019}, user=secretariat)
    assert (second.version, len(reads)) == (2, 2)


def test_the_default_key_is_the_kind_and_the_sorted_params():
    from documents.registry import default_key

    key = default_key("meetings.agenda")
    assert key({"meeting": 7, "body": "DAS"}) == "meetings.agenda:body=DAS,meeting=7"
    assert key({"meeting": "7", "body": "DAS"}) == "meetings.agenda:body=DAS,meeting=7"
    assert key({}) == "meetings.agenda"
    assert key({"ids": [1, 2]}) == 'meetings.agenda:{"ids":[1,2]}'
    assert key({"title": "a,b=c"}) == 'meetings.agenda:{"title":"a,b=c"}'
    assert len(key({"text": "x" * 1000})) < 100
