"""Writes for generated documents: request a new version, render it (from the Celery task)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from socialaftale.lib import jobs

from . import registry
from .models import GeneratedDocument

logger = logging.getLogger(__name__)
Status = GeneratedDocument.Status
VERSION_ATTEMPTS = 5


class TooManyOrders(ValidationError):
    pass


def document_params(*, kind: str, params: dict) -> dict:
    """The kind's cleaned parameters; ValidationError (registry.UnknownObject for a row that
    does not exist) for anything else, before anything is queued."""
    try:
        entry = registry.get(kind)
    except KeyError:
        raise ValidationError(_("Unknown document kind: %(kind)s"), params={"kind": kind}) from None
    return entry.params(params)


@transaction.atomic
def document_order(*, kind: str, params: dict, user) -> GeneratedDocument:
    """A user's order from the page: at most DOCUMENT_ORDERS_PER_MINUTE a user, counted from
    the rows they created, so the limit holds across web processes. The user's row is locked
    so two simultaneous orders are counted one after the other."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    since = timezone.now() - timedelta(minutes=1)
    recent = GeneratedDocument.objects.filter(created_by=user, created_at__gte=since).count()
    if recent >= settings.DOCUMENT_ORDERS_PER_MINUTE:
        raise TooManyOrders(
            _(
                "You have ordered %(count)s documents in the last minute; wait a minute and try "
                "again."
            ),
            params={"count": recent},
        )
    return document_request(kind=kind, params=params, user=user)


@transaction.atomic
def document_request(*, kind: str, params: dict, user) -> GeneratedDocument:
    """Queue the next version of a document; the task starts once this transaction commits.
    The parameters are checked against the kind's schema first: junk is never queued."""
    params = document_params(kind=kind, params=params)
    entry = registry.get(kind)
    key = registry.document_key(kind, params)
    document = _create_next_version(
        kind=kind,
        key=key,
        params=params,
        title=str(entry.title(params))[:200],
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    jobs.enqueue_on_commit(document)
    return document


def _create_next_version(*, key: str, **fields) -> GeneratedDocument:
    # Two requests for the same key may both read the same maximum; the unique (key, version)
    # constraint rejects the second insert, which then retries with the next number.
    for attempt in range(VERSION_ATTEMPTS):
        try:
            with transaction.atomic():
                return GeneratedDocument.objects.create(
                    key=key,
                    version=_latest_version(key) + 1,
                    status=Status.QUEUED,
                    status_message=_("Waiting to start"),
                    **fields,
                )
        except IntegrityError:
            if attempt == VERSION_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _latest_version(key: str) -> int:
    return GeneratedDocument.objects.filter(key=key).aggregate(v=Max("version"))["v"] or 0


def document_render(*, document_id: int) -> GeneratedDocument:
    """Render and store the file, if this delivery claims the queued document; any other
    delivery (a duplicate, a redelivery, a finished document) returns it untouched. Failures
    are recorded on the document and logged, never raised, so the task is not retried forever."""
    document = jobs.claim(GeneratedDocument, document_id)
    if document is None:
        return GeneratedDocument.objects.get(pk=document_id)
    with translation.override(settings.LANGUAGE_CODE), jobs.heartbeat(document):
        jobs.report(document, progress=0, status_message=_("Started"))
        try:
            content = registry.get(document.kind).render(document.params, _progress(document))
            document.file.save(document.filename, ContentFile(content), save=False)
        except Exception as exc:
            logger.exception("Document %s (%s) could not be rendered", document.pk, document.kind)
            message = _("The document could not be generated.")
            jobs.finish(
                document,
                status=Status.FAILED,
                status_message=_("Failed"),
                error=f"{message} {type(exc).__name__}: {exc}"[:2000],
                finished_at=timezone.now(),
            )
            return document
        if not jobs.finish(
            document,
            file=document.file.name,
            size=len(content),
            status=Status.DONE,
            progress=100,
            status_message=_("Finished"),
            finished_at=timezone.now(),
        ):
            document.file.delete(save=False)  # another attempt owns the document now
    return document


@transaction.atomic
def document_retry(*, document: GeneratedDocument) -> bool:
    """Queue a failed version again ("Try again"); False if it is not failed."""
    return jobs.job_retry(job=document, status_message=_("Waiting to start"), size=None)


def _progress(document: GeneratedDocument):
    def progress(percent: int, message: str = "") -> None:
        # 100 means "stored"; while rendering a document shows at most 99.
        percent = max(0, min(int(percent), 99))
        jobs.report(document, progress=percent, status_message=str(message)[:200])

    return progress


def latest_documents(kind: str, key: str) -> QuerySet[GeneratedDocument]:
    """All versions of one document, newest first."""
    return GeneratedDocument.objects.filter(kind=kind, key=key).order_by("-version")
