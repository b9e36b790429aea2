"""The flags overview (/samarbejde/signaler/?aar=2019): each member of the year with its
signals of falling demand, for the secretariat and the expert panel; the secretariat opens
an early joint action from here."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from .access import may_manage, require_flag_reader
from .flags import Flag, flags_for_year
from .models import JointAction, JointActionStatus, Member
from .tables.flags import flags_table

FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass
class FlagRow:
    member: Member
    flags: list[Flag]
    open_action: JointAction | None


def chosen_year(request) -> int:
    value = request.GET.get("aar", "")
    if value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    return timezone.localdate().year


def flag_rows(year: int) -> list[FlagRow]:
    members = list(Member.objects.in_year(year).prefetch_related("offers").order_by("name"))
    flags = flags_for_year(year)
    open_actions = {
        action.member_id: action
        for action in JointAction.objects.filter(
            member__in=[m.pk for m in members], status=JointActionStatus.OPEN
        )
    }
    return [FlagRow(m, flags.get(m.pk, []), open_actions.get(m.pk)) for m in members]


@login_required
@require_GET
def flags_overview(request):
    require_flag_reader(request.user)
    year = chosen_year(request)
    rows = flag_rows(year)
    table = flags_table(rows, year)
    if fmt := requested_format(request):
        return tables_download(f"signaler-{year}", fmt, [table])
    context = {
        "year": year,
        "rows": rows,
        "table": table,
        "flagged": sum(1 for row in rows if row.flags),
        "may_open": may_manage(request.user),
    }
    return render(request, "enhanced_cooperation/flags.html", context)
