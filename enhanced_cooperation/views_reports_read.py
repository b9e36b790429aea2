"""Reading the annual reports (one member's report; the reports of a year, exportable) and the
secretariat's page that opens the year's round."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download
from submissions.models import ReportingRound, RoundKind

from . import services_round
from .access import (
    get_readable_report,
    is_panel,
    may_manage,
    may_write_report,
    require_manager,
)
from .forms_reports import YearRoundForm
from .reports import LABELS, occupancy
from .selectors import members_of_submission
from .selectors_remarks import remarks_for, sees_drafts
from .selectors_reports import (
    member_report,
    readable_submissions,
    report_rounds,
    shown_answers,
)
from .tables.reports import demand_label, places_text, report_table
from .views_reports import is_writable


@login_required
@require_GET
def report_read(request, pk, member_pk):
    submission, member = get_readable_report(request.user, pk, member_pk)
    answers, version = shown_answers(request.user, submission)
    shown = member_report(answers, member)
    writes = may_write_report(request.user, member)
    context = {
        "submission": submission,
        "reporting_round": submission.round,
        "member": member,
        "shown": shown,
        "places": places_text(shown.report),
        "occupancy": occupancy(shown.report),
        "labels": LABELS,
        "demand": demand_label(shown.report),
        "version": version,
        "is_draft": version is None,
        "writes": writes,
        "can_edit": writes and is_writable(submission),
        **_remarks_context(request.user, submission.round, member),
    }
    return render(request, "enhanced_cooperation/reports/read.html", context)


def _remarks_context(user, reporting_round, member) -> dict:
    """The expert panel's remarks on the report (drafts only for the panel and the
    secretariat) and the link to the remarks page (the panel writes there)."""
    return {
        "remarks": list(remarks_for(user, round=reporting_round, member=member)),
        "sees_draft_remarks": sees_drafts(user),
        "writes_remarks": is_panel(user),
        "remarks_url": reverse(
            "enhanced_cooperation:remarks_member", args=[reporting_round.pk, member.pk]
        ),
    }


def _year(request, years: list[int]) -> int | None:
    value = request.GET.get("aar", "")
    if value.isdigit() and int(value) in years:
        return int(value)
    return years[0] if years else None


def _rows(user, year: int):
    rows = []
    for submission in readable_submissions(user, year):
        answers, version = shown_answers(user, submission)
        for member in members_of_submission(submission):
            shown = member_report(answers, member)
            status = submission.get_status_display() if version else shown.status_label
            rows.append((member, submission, status, shown.report))
    return sorted(rows, key=lambda row: row[0].name)


@login_required
@require_GET
def report_list(request):
    """The annual reports a user may read, per year (municipalities: the accepted ones)."""
    years = sorted(set(report_rounds().values_list("year", flat=True)), reverse=True)
    year = _year(request, years)
    rows = _rows(request.user, year) if year else []
    table = report_table([(m, s.unit.organisation.name, st, r) for m, s, st, r in rows], year)
    if (fmt := requested_format(request)) and year:
        return tables_download(f"aarsrapporter-{year}", fmt, [table])
    context = {
        "years": years,
        "year": year,
        "rows": rows,
        "items": list(zip(rows, table.rows, strict=True)),
        "table": table,
        "can_open_round": may_manage(request.user),
        "labels": LABELS,
    }
    return render(request, "enhanced_cooperation/reports/list.html", context)


def next_round_year(today: dt.date) -> int:
    """The year whose week 5 is next: this year's until its week 5 has begun."""
    opens_on, _deadline = services_round.default_dates(today.year)
    return today.year if today < opens_on else today.year + 1


def _round_initial(request) -> dict:
    value = request.GET.get("aar", "")
    year = int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else None
    year = year or next_round_year(timezone.localdate())
    opens_on, deadline = services_round.default_dates(year)
    return {"year": year, "opens_on": opens_on, "deadline": deadline}


@login_required
def year_round_open(request):
    require_manager(request.user)
    form = YearRoundForm(request.POST or None, initial=_round_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            reporting_round = services_round.year_round_open(**form.cleaned_data)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The year's round has been opened and the letters sent."))
            return redirect(reporting_round)
    rounds = ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT).order_by("-year")
    context = {"form": form, "rounds": rounds}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "enhanced_cooperation/reports/round_open.html", context, status=status)
