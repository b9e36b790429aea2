"""The year's round on the start page's work list: from New Year the secretariat is reminded
to open this year's round (week 5) while there are members this year and no round yet."""

from django.db.models import Exists
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist
from submissions.models import ReportingRound, RoundKind

from .models import Member


def count_round_to_open(user) -> int:
    """1 while this year's round is not made and there are members this year (one query)."""
    if not roles_for(user).is_secretariat:
        return 0
    year = timezone.localdate().year
    made = ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT, year=year)
    return int(Member.objects.in_year(year).filter(~Exists(made)).exists())


def register_work_items() -> None:
    worklist.register(
        "enhanced_cooperation.year_round",
        label=_("The enhanced cooperation's year's round is not opened"),
        count=count_round_to_open,
        url=lambda: reverse("enhanced_cooperation:year_round_open"),
        position=65,
    )
