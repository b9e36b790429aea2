"""Who may request and see a generated document: the secretariat always, others when the
document kind's can_view says so. Everything else is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from socialaftale.lib.staff import is_secretariat

from . import registry
from .models import GeneratedDocument


def _may_view(user, kind: str, params: dict) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if is_secretariat(user):
        return True
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
    if entry.can_request is None or is_secretariat(user):
        return True
    return bool(entry.can_request(user, params))


def get_document_for_user(user, pk: int) -> GeneratedDocument:
    document = get_object_or_404(GeneratedDocument.objects.select_related("created_by"), pk=pk)
    if not _may_view(user, document.kind, document.params):
        raise Http404
    if not is_secretariat(user) and _superseded(document):
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
    return is_secretariat(user) or (
        document.created_by_id is not None and document.created_by_id == user.pk
    )


def newest_viewable(user, document: GeneratedDocument) -> GeneratedDocument | None:
    """What a link to `document` opens for `user`: the document itself if they may see it,
    else the newest finished document of the same kind (and year, if it has one) they may
    see, e.g. a published version instead of the secretariat's preview; None if none."""
    if _may_view(user, document.kind, document.params) and not (
        not is_secretariat(user) and _superseded(document)
    ):
        return document
    year = str(document.params.get("year", ""))
    candidates = GeneratedDocument.objects.filter(
        kind=document.kind, status=GeneratedDocument.Status.DONE
    ).order_by("-created_at", "-pk")
    for candidate in candidates.exclude(pk=document.pk)[:200]:
        if year and str(candidate.params.get("year", "")) != year:
            continue
        if _may_view(user, candidate.kind, candidate.params) and not _superseded(candidate):
            return candidate
    return None
