"""Monitoring's item on the start page's work list (socialaftale.lib.worklist)."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist

from .models import AnalysisRun, RunStatus


def analyses_in_draft():
    """The measurement months whose analysis is computed (a draft for DAS) but not final yet:
    a draft superseded by a newer draft of the same month counts once, and none once a run of
    the month is final."""
    final = AnalysisRun.objects.filter(measure=OuterRef("measure"), status=RunStatus.FINAL)
    drafts = AnalysisRun.objects.filter(status=RunStatus.DRAFT).exclude(Exists(final))
    return drafts.order_by().values("measure").distinct()


def count_analyses_in_draft(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return analyses_in_draft().count()


def register_work_items() -> None:
    worklist.register(
        "monitoring.analyses_in_draft",
        label=_("Expenditure analyses still in draft"),
        count=count_analyses_in_draft,
        url=lambda: reverse("monitoring:index"),
        position=50,
    )
