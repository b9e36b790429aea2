"""Who may see monitoring data. Citizen-level rows are never shown to anyone in the browser;
a reporter sees their own unit's uploads and their municipality's own numbers plus the
total; the full per-municipality results are the secretariat's."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for
from organisations.models import OrganisationUnit

from .models import AnalysisRun, CitizenListUpload, RunStatus


def units_for_upload(user):
    roles = roles_for(user)
    units = OrganisationUnit.objects.filter(
        organisation__kind="municipality", reports_separately=True
    )
    if roles.is_secretariat:
        return units.select_related("organisation")
    return units.filter(pk__in=roles.reporter_unit_ids).select_related("organisation")


def visible_uploads(user):
    roles = roles_for(user)
    uploads = CitizenListUpload.objects.select_related("unit", "uploaded_by")
    if roles.is_secretariat:
        return uploads
    return uploads.filter(unit_id__in=roles.reporter_unit_ids)


def get_run_for_secretariat(user, pk: int) -> AnalysisRun:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(AnalysisRun, pk=pk)


def get_run_for_municipality(user, pk: int) -> tuple[AnalysisRun, list[str]]:
    """A computed run and the municipality codes the user may see in it (their own)."""
    roles = roles_for(user)
    run = get_object_or_404(AnalysisRun, pk=pk, status__in=[RunStatus.DRAFT, RunStatus.FINAL])
    codes = sorted(
        set(
            OrganisationUnit.objects.filter(pk__in=roles.reporter_unit_ids).values_list(
                "organisation__code", flat=True
            )
        )
    )
    if not codes and not roles.is_secretariat:
        raise Http404
    return run, codes
