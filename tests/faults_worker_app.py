"""The Celery app for the fault tests' worker: the project's app plus two test-only hooks, so a
job can be made slow enough to kill mid-task. Both count every start in $JOB_FAULT_DIR/<name>
and, while $JOB_FAULT_DIR/slow exists, remove it and sleep (only the first start is slow)."""

import os
import time
from pathlib import Path

from celery.signals import task_prerun

from socialaftale.celery import app

SLOW_KIND = "tests.slow_document"
SLOW_SECONDS = 30
_hooked = False

__all__ = ["app"]


def slow_point(name: str) -> None:
    directory = Path(os.environ["JOB_FAULT_DIR"])
    with (directory / name).open("a") as counter:
        counter.write(f"{os.getpid()}\n")
    marker = directory / "slow"
    if marker.exists():
        marker.unlink()
        time.sleep(SLOW_SECONDS)


def register_slow_kind() -> None:
    from django import forms

    from documents import registry

    registry.register(
        SLOW_KIND,
        params=registry.schema(n=forms.IntegerField()),
        title=lambda params: "Langsomt testdokument",
        render=lambda params, progress: slow_point("renders") or b"%PDF-1.7\n% test\n",
        can_view=lambda user, params: False,
        key=lambda params: f"{SLOW_KIND}:{params['n']}",
    )


@task_prerun.connect
def install_hooks(**kwargs) -> None:
    """Only in the fault tests' worker ($JOB_FAULT_DIR set), never in the test process that
    imports SLOW_KIND from here."""
    global _hooked
    if _hooked or "JOB_FAULT_DIR" not in os.environ:
        return
    _hooked = True
    from monitoring import calculations

    register_slow_kind()
    analyse = calculations.analyse

    def slow_analyse(frame, params):
        slow_point("analyses")
        return analyse(frame, params)

    calculations.analyse = slow_analyse
