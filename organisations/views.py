from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from socialaftale.lib.export import requested_format
from socialaftale.lib.imports import ImportRejected, limits_for, read_upload
from socialaftale.lib.tables import tables_download

from . import services
from .access import get_organisation_for_user, require_secretariat, roles_for
from .forms import PopulationUploadForm
from .importers import parse_population
from .models import Organisation, OrganisationUnit, PopulationFigure
from .sections import municipality_sections
from .tables import population_table, register_table


def municipality_list(request):
    organisations = (
        Organisation.objects.exclude(kind="private")
        .select_related("region")
        .annotate(
            operated=Count("offers", distinct=True),
            located=Count("located_offers", distinct=True),
            unit_count=Count("units", filter=Q(units__reports_separately=True), distinct=True),
        )
        .order_by("kind", "name")
    )
    if fmt := requested_format(request):
        return tables_download("parter", fmt, [register_table(organisations)])
    context = {
        "organisations": organisations,
        "may_add_population": roles_for(request.user).is_secretariat,
    }
    return render(request, "organisations/municipality_list.html", context)


def municipality_detail(request, code):
    """The organisation's units and population here; its offers and places come from the
    sections that higher apps register (organisations.sections)."""
    organisation = get_organisation_for_user(request.user, code)
    section_context, section_templates = municipality_sections(organisation)
    context = {
        "organisation": organisation,
        "units": OrganisationUnit.objects.filter(organisation=organisation),
        "population": PopulationFigure.objects.filter(organisation=organisation),
        "supervision_areas": organisation.supervision_areas.all(),
        **section_context,
        "section_templates": section_templates,
    }
    return render(request, "organisations/municipality_detail.html", context)


@login_required
def population_upload(request):
    """The secretariat adds population figures in the browser: the same import as the
    `import_population` command (all or nothing, the same file formats and limits)."""
    require_secretariat(request.user)
    if fmt := requested_format(request):
        figures = PopulationFigure.objects.select_related("organisation").order_by(
            "-reference_date", "age_band", "organisation__name"
        )
        return tables_download("befolkningstal", fmt, [population_table(figures)])
    form = PopulationUploadForm(request.POST or None, request.FILES or None)
    errors = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rows = parse_population(
                read_upload(data["file"], limits_for("population")),
                age_band=data["age_band"],
                source=data["source"],
                filename=data["file"].name,
            )
            figures = services.population_import(
                rows=rows,
                reference_date=data["reference_date"],
                age_band=data["age_band"],
                source=data["source"],
            )
        except ImportRejected as rejected:
            errors = rejected.report
        else:
            messages.success(
                request, _("%(count)s population figures imported.") % {"count": len(figures)}
            )
            return redirect("organisations:population_upload")
    context = {"form": form, "errors": errors, "latest": latest_population_figures()}
    return render(request, "organisations/population_upload.html", context)


def latest_population_figures() -> list[PopulationFigure]:
    """Per organisation its newest figure for all inhabitants (what the contribution uses)."""
    newest = {}
    for figure in PopulationFigure.objects.filter(age_band="all").select_related("organisation"):
        newest.setdefault(figure.organisation_id, figure)  # Meta.ordering: newest first
    return sorted(newest.values(), key=lambda figure: figure.organisation.name)
