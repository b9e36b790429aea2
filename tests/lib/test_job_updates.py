"""Every write to a job row goes through socialaftale.lib.jobs.job_update(): no app keeps its
own `_save` helper, and a write from an instance that is out of date is dropped."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from monitoring.models import AnalysisRun, RunStatus
from socialaftale.lib import jobs

SKIPPED = {".venv", "node_modules", "tests", "bench", "static", "media"}


def python_modules():
    root = Path(settings.BASE_DIR)
    for folder in sorted(p for p in root.iterdir() if (p / "__init__.py").exists()):
        if folder.name not in SKIPPED:
            yield from ((path, path.relative_to(root)) for path in sorted(folder.rglob("*.py")))


def test_no_module_but_the_jobs_module_writes_jobs_with_its_own_save_helper():
    defined = [
        str(relative)
        for path, relative in python_modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "_save"
    ]
    assert defined == []
    assert callable(jobs.job_update)


@pytest.mark.django_db
def test_a_draft_made_final_is_not_overwritten_by_an_instance_read_before():
    AnalysisRun.objects.create(measure="2019-01", version=1, status=RunStatus.DRAFT, attempts=1)
    first, second = AnalysisRun.objects.get(), AnalysisRun.objects.get()
    assert jobs.job_update(first, status=RunStatus.FINAL)
    assert not jobs.job_update(second, status=RunStatus.FAILED)
    assert (AnalysisRun.objects.get().status, first.status) == (RunStatus.FINAL, RunStatus.FINAL)
