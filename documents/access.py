"""Who may request and see a generated document: the secretariat always, others when the
document kind's can_view says so. Everything else is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for

from . import registry
from .models import GeneratedDocument


def _may_view(user, kind: str, params: dict) -> bool:
    roles = roles_for(user)
    if roles.is_secretariat:
        return True
    if not roles.is_authenticated:
        return False
    try:
        entry = registry.get(kind)
    except KeyError:
        return False
    return bool(entry.can_view(user, params))


def can_request(user, kind: str, params: dict) -> bool:
    try:
        entry = registry.get(kind)
    except KeyError:
        return False
    if not _may_view(user, kind, params):
        return False
    if entry.can_request is None or roles_for(user).is_secretariat:
        return True
    return bool(entry.can_request(user, params))


def get_document_for_user(user, pk: int) -> GeneratedDocument:
    document = get_object_or_404(GeneratedDocument.objects.select_related("created_by"), pk=pk)
    if not _may_view(user, document.kind, document.params):
        raise Http404
    if not roles_for(user).is_secretariat and _superseded(document):
        raise Http404
    return document


def _superseded(document: GeneratedDocument) -> bool:
    """For kinds that show others only the newest finished version: is there a newer one?"""
    entry = registry.get(document.kind)
    if not entry.latest_only:
        return False
    newer = GeneratedDocument.objects.filter(
        key=document.key, version__gt=document.version, status=GeneratedDocument.Status.DONE
    )
    return newer.exists()


def can_retry(user, document: GeneratedDocument) -> bool:
    """A failed version may be queued again by the secretariat or by whoever ordered it."""
    if document.status != GeneratedDocument.Status.FAILED:
        return False
    return roles_for(user).is_secretariat or (
        document.created_by_id is not None and document.created_by_id == user.pk
    )
