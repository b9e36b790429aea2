"""A generated document and an analysis run show their progress with the one partial,
templates/jobs/_progress.html, fed by the view (socialaftale/lib/jobs_view.py): the same
pages, polled the same way, and no status or role literals in the template."""

from pathlib import Path

import pytest
from django.conf import settings

from monitoring.models import AnalysisRun
from tests.documents.test_document_access import Status, make_document

pytestmark = pytest.mark.django_db
PARTIAL = "jobs/_progress.html"


def templates_used(client, url, **headers) -> list[str]:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return [template.name for template in response.templates]


def test_both_progress_pages_render_the_one_partial(client, secretariat, budget_kind):
    document = make_document(status=Status.RUNNING)
    run = AnalysisRun.objects.create(measure="2019-01", version=1, status="failed", error="x")
    client.force_login(secretariat)
    for url in (
        f"/dokumenter/{document.pk}/",
        f"/dokumenter/{document.pk}/status/",
        f"/monitorering/analyser/{run.pk}/",
        f"/monitorering/analyser/{run.pk}/status/",
    ):
        assert PARTIAL in templates_used(client, url, hx_request="true"), url


def test_there_is_one_progress_partial_and_it_holds_no_status_or_role_literals():
    templates = Path(settings.BASE_DIR) / "templates"
    assert not (templates / "monitoring" / "_run_progress.html").exists()
    source = (templates / PARTIAL).read_text(encoding="utf-8")
    assert "status ==" not in source and "roles." not in source
    wrapper = (templates / "documents" / "_progress.html").read_text(encoding="utf-8")
    assert "status ==" not in wrapper and "roles." not in wrapper
