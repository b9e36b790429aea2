"""Who may request, watch and download a generated document: 404 for everyone else."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from documents.models import GeneratedDocument
from tests.documents.conftest import REPORTER_KIND, TEST_KIND

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


def make_document(kind=TEST_KIND, status=Status.DONE, version=1, **fields):
    document = GeneratedDocument.objects.create(
        kind=kind,
        key=f"{kind}:2019",
        params={"year": 2019},
        title="Socialtilsyn budget 2019",
        version=version,
        status=status,
        progress=100 if status == Status.DONE else 40,
        **fields,
    )
    if status == Status.DONE:
        document.file.save(document.filename, ContentFile(b"%PDF-1.7\n% test\n"), save=False)
        document.size = 16
        document.finished_at = timezone.now()
        document.save(update_fields=["file", "size", "finished_at"])
    return document


def urls(document):
    base = f"/dokumenter/{document.pk}/"
    return [base, f"{base}status/", f"{base}hent/"]


def get_status(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_the_secretariat_sees_the_status_page_and_downloads_the_pdf(
    client, secretariat, budget_kind
):
    document = make_document()
    client.force_login(secretariat)
    response = client.get(f"/dokumenter/{document.pk}/hent/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "socialtilsyn-budget-2019-v1.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_outsiders_get_404_and_anonymous_users_are_sent_to_log_in(
    client, outsider, aalborg_reporter, budget_kind
):
    document = make_document()
    for url in urls(document):
        assert get_status(client, outsider, url) == 404, url
        assert get_status(client, aalborg_reporter, url) == 404, url  # kind is secretariat-only
        assert get_status(client, None, url) == 302, url


def test_a_kind_open_to_reporters_lets_aalborg_reporter_download(
    client, aalborg_reporter, outsider, reporter_kind
):
    document = make_document(kind=REPORTER_KIND)
    for url in urls(document):
        assert get_status(client, aalborg_reporter, url) == 200, url
        assert get_status(client, outsider, url) == 404, url


def test_the_download_is_404_until_the_document_is_done(client, secretariat, budget_kind):
    running = make_document(status=Status.RUNNING)
    failed = make_document(status=Status.FAILED, version=2, error="Kunne ikke dannes")
    client.force_login(secretariat)
    assert client.get(f"/dokumenter/{running.pk}/hent/").status_code == 404
    assert client.get(f"/dokumenter/{failed.pk}/hent/").status_code == 404


def test_a_running_document_polls_for_progress_and_a_finished_one_stops(
    client, secretariat, budget_kind
):
    running = make_document(status=Status.RUNNING, status_message="Tabellerne sættes op")
    done = make_document(version=2)
    client.force_login(secretariat)
    partial = client.get(f"/dokumenter/{running.pk}/status/").content.decode()
    assert 'hx-trigger="every 1s"' in partial
    assert f'hx-get="/dokumenter/{running.pk}/status/"' in partial
    assert 'role="progressbar"' in partial and 'aria-valuenow="40"' in partial
    assert "progress-w-40" in partial and "style=" not in partial
    assert "Tabellerne sættes op" in partial
    partial = client.get(f"/dokumenter/{done.pk}/status/").content.decode()
    assert "hx-trigger" not in partial and "hx-get" not in partial
    assert f'href="/dokumenter/{done.pk}/hent/"' in partial


def test_a_failed_document_shows_the_error_details_to_the_secretariat_only(
    client, secretariat, aalborg_reporter, reporter_kind
):
    failed = make_document(kind=REPORTER_KIND, status=Status.FAILED, error="RuntimeError: x")
    client.force_login(secretariat)
    page = client.get(f"/dokumenter/{failed.pk}/status/").content.decode()
    assert "hx-trigger" not in page and 'role="alert"' in page and "RuntimeError: x" in page
    client.force_login(aalborg_reporter)
    page = client.get(f"/dokumenter/{failed.pk}/status/").content.decode()
    assert 'role="alert"' in page and "RuntimeError" not in page


def test_the_status_page_lists_earlier_versions_for_the_secretariat_only(
    client, secretariat, aalborg_reporter, reporter_kind, django_assert_max_num_queries
):
    documents = [make_document(kind=REPORTER_KIND, version=n) for n in (1, 2, 3)]
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(f"/dokumenter/{documents[-1].pk}/")
    assert [d.version for d in response.context["versions"]] == [3, 2, 1]
    assert "hx-get" not in response.content.decode()  # done: nothing to poll
    client.force_login(aalborg_reporter)
    assert client.get(f"/dokumenter/{documents[-1].pk}/").context["versions"] is None


def test_the_status_page_loads_htmx_from_this_site_without_inline_styles(
    client, secretariat, budget_kind
):
    document = make_document(status=Status.QUEUED)
    client.force_login(secretariat)
    page = client.get(f"/dokumenter/{document.pk}/").content.decode()
    assert '<script src="/static/django_htmx/htmx-2.min.js" defer></script>' in page
    assert '"includeIndicatorStyles": false' in page
    assert "style=" not in page


def test_requests_for_unknown_or_forbidden_kinds_are_404(
    client, outsider, aalborg_reporter, secretariat, budget_kind
):
    client.force_login(outsider)
    assert (
        client.post("/dokumenter/bestil/", {"kind": TEST_KIND, "params": "{}"}).status_code == 404
    )
    client.force_login(aalborg_reporter)
    assert (
        client.post("/dokumenter/bestil/", {"kind": TEST_KIND, "params": "{}"}).status_code == 404
    )
    client.force_login(secretariat)
    assert client.post("/dokumenter/bestil/", {"kind": "nope", "params": "{}"}).status_code == 404
    bad = client.post("/dokumenter/bestil/", {"kind": TEST_KIND, "params": "[1, 2]"})
    assert bad.status_code == 400
    assert client.get("/dokumenter/bestil/").status_code == 405
    assert GeneratedDocument.objects.count() == 0


def test_anonymous_users_cannot_request_a_document(client, budget_kind):
    response = client.post("/dokumenter/bestil/", {"kind": TEST_KIND, "params": "{}"})
    assert response.status_code == 302 and "/konto/login/" in response.url


def test_the_request_button_posts_kind_and_params(rf, secretariat):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = secretariat
    html = render_to_string(
        "documents/_request_button.html",
        {"kind": REPORTER_KIND, "params_json": '{"year": 2019}', "label": "Lav PDF"},
        request=request,
    )
    assert 'action="/dokumenter/bestil/"' in html
    assert f'name="kind" value="{REPORTER_KIND}"' in html
    assert 'value="{&quot;year&quot;: 2019}"' in html
    assert "csrfmiddlewaretoken" in html and "Lav PDF" in html


def test_when_polling_ends_the_versions_list_is_updated_out_of_band(
    client, secretariat, budget_kind
):
    done = make_document()
    client.force_login(secretariat)
    polled = client.get(f"/dokumenter/{done.pk}/status/", headers={"HX-Request": "true"})
    assert 'id="current-version-status" hx-swap-oob="true"' in polled.content.decode()
    page = client.get(f"/dokumenter/{done.pk}/").content.decode()
    assert 'id="current-version-status"' in page and "hx-swap-oob" not in page
