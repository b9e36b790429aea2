"""The annual cycle's pages (issue 13): the year month by month and what is due in the next
60 days, for everyone logged in (filtered to what concerns them); the definitions and the
events edited by the secretariat."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.access import require_secretariat
from socialaftale.lib.edits import StaleEdit
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services
from .access import can_edit_cycle, get_definition_for_edit, get_event_for_edit, linked_document
from .forms import DefinitionForm, EventForm
from .models import CycleDefinition
from .selectors import DUE_DAYS, due_soon, events_for
from .tables import audience_label, event_rows, event_table

FIRST_YEAR, LAST_YEAR = 2000, 2100
RELATED = ("definition", "round", "meeting__body", "document")


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


def _document_for(user):
    """A linked document as this user may open it (access.linked_document)."""
    return lambda document: linked_document(user, document)


@login_required
@require_GET
def year_current(request):
    return year_view(request, timezone.localdate().year)


@login_required
@require_GET
def year_view(request, year):
    _check_year(year)
    can_edit = can_edit_cycle(request.user)
    events = events_for(request.user).filter(year=year).select_related(*RELATED)
    rows = event_rows(
        events.order_by("starts_on", "due_on", "definition__position"),
        _today(),
        can_edit,
        _document_for(request.user),
    )
    if fmt := requested_format(request):
        caption = _("The annual cycle %(year)s") % {"year": year}
        return tables_download(f"aarshjul-{year}", fmt, [event_table(rows, caption)])
    months = [
        (dt.date(year, month, 1), [row for row in rows if row.event.starts_on.month == month])
        for month in range(1, 13)
    ]
    context = {
        "year": year,
        "months": months,
        "has_events": bool(rows),
        "can_edit": can_edit,
        "can_generate": can_edit and not rows,
        "previous_year": year - 1 if year > FIRST_YEAR else None,
        "next_year": year + 1 if year < LAST_YEAR else None,
    }
    return render(request, "annual_cycle/year.html", context)


@login_required
@require_POST
def generate(request, year):
    require_secretariat(request.user)
    _check_year(year)
    created = services.generate_year(year, actor=request.user)
    messages.success(
        request, _("%(count)s events were made for %(year)s.") % {"count": created, "year": year}
    )
    return redirect("annual_cycle:year", year=year)


@login_required
@require_GET
def due_list(request):
    today = _today()
    can_edit = can_edit_cycle(request.user)
    events = due_soon(request.user, today).select_related(*RELATED).order_by("due_on")
    rows = event_rows(events, today, can_edit, _document_for(request.user))
    if fmt := requested_format(request):
        caption = _("Due within %(days)s days") % {"days": DUE_DAYS}
        return tables_download("aarshjul-frister", fmt, [event_table(rows, caption)])
    context = {"rows": rows, "days": DUE_DAYS, "can_edit": can_edit}
    return render(request, "annual_cycle/due.html", context)


@login_required
@require_GET
def definition_list(request):
    require_secretariat(request.user)
    definitions = [(d, audience_label(d)) for d in CycleDefinition.objects.all()]
    return render(request, "annual_cycle/definition_list.html", {"definitions": definitions})


def _submit(request, form, update, template, context):
    """None once saved; else the page again (with the form's errors; 409 if stale)."""
    if request.method != "POST" or not form.is_valid():
        return render(request, template, context)
    try:
        update(form.instance, expected_token=form.token(), actor=request.user, **form.values())
    except StaleEdit:
        form.refuse_stale()
        return render(request, template, context, status=409)
    except ValidationError as refused:
        form.add_error(None, refused)
        return render(request, template, context, status=400)
    messages.success(request, _("Saved."))
    return None


@login_required
def definition_edit(request, pk):
    definition = get_definition_for_edit(request.user, pk)
    form = DefinitionForm(request.POST or None, instance=definition)
    context = {"form": form, "definition": definition}
    template = "annual_cycle/definition_form.html"
    shown = _submit(request, form, services.update_definition, template, context)
    return shown or redirect("annual_cycle:definitions")


@login_required
def event_edit(request, pk):
    event = get_event_for_edit(request.user, pk)
    form = EventForm(request.POST or None, instance=event)
    context = {"form": form, "event": event}
    shown = _submit(request, form, services.update_event, "annual_cycle/event_form.html", context)
    return shown or redirect("annual_cycle:year", year=event.year)


def _today():
    return timezone.localdate()
