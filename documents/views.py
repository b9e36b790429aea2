import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from socialaftale.lib.jobs_view import JobView, job_progress_response, job_view
from socialaftale.lib.staff import is_secretariat

from . import registry, services
from .access import can_request, can_retry, get_document_for_user


@login_required
@require_POST
def document_request(request):
    kind = request.POST.get("kind", "")
    try:
        params = json.loads(request.POST.get("params") or "{}")
    except json.JSONDecodeError as exc:
        raise BadRequest("params is not JSON") from exc
    if not isinstance(params, dict):
        raise BadRequest("params is not a JSON object")
    try:
        registry.get(kind)
        params = services.document_params(kind=kind, params=params)
    except (KeyError, registry.UnknownObject) as error:
        if isinstance(error, KeyError) or not is_secretariat(request.user):
            raise Http404 from None
        return _refused(request, error, status=400)
    except ValidationError as error:
        return _refused(request, error, status=400)
    if not can_request(request.user, kind, params):
        raise Http404
    try:
        document = services.document_order(kind=kind, params=params, user=request.user)
    except services.TooManyOrders as error:
        return _refused(request, error, status=429)
    return redirect("documents:status", pk=document.pk)


def _refused(request, error: ValidationError, *, status: int):
    context = {"messages_refused": error.messages}
    return render(request, "documents/order_refused.html", context, status=status)


@login_required
@require_GET
def document_status(request, pk):
    document = get_document_for_user(request.user, pk)
    versions = None
    if is_secretariat(request.user):
        versions = services.latest_documents(document.kind, document.key).select_related(
            "created_by"
        )[:25]
    context = {
        "document": document,
        "versions": versions,
        "job": _progress(request, document),
    }
    return render(request, "documents/document_status.html", context)


@login_required
@require_GET
def document_progress(request, pk):
    document = get_document_for_user(request.user, pk)
    swap = bool(request.htmx) and document.is_finished and is_secretariat(request.user)
    return job_progress_response(
        request,
        _progress(request, document),
        "documents/_progress.html",
        document=document,
        swap_version_status=swap,
    )


def _progress(request, document) -> JobView:
    line = f"{document.progress} % · {document.get_status_display()}"
    if document.status_message:
        line = f"{line}: {document.status_message}"
    may_retry = can_retry(request.user, document)
    return job_view(
        document,
        dom_id="document-progress",
        poll_url=reverse("documents:progress", args=[document.pk]),
        status_line=line,
        done_label=_("The document is ready."),
        download_url=reverse("documents:download", args=[document.pk]),
        download_label=_("Download PDF"),
        download_title=document.title,
        download_size=document.size,
        failed_label=_(
            "The document could not be generated. Try again, or contact the secretariat if it "
            "keeps failing."
        ),
        retry_url=reverse("documents:retry", args=[document.pk]) if may_retry else "",
        retry_label=_("Try again"),
        error_details=document.error if is_secretariat(request.user) else "",
    )


@login_required
@require_GET
def document_download(request, pk):
    document = get_document_for_user(request.user, pk)
    if document.status != document.Status.DONE or not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type="application/pdf",
    )


@login_required
@require_POST
def document_retry(request, pk):
    document = get_document_for_user(request.user, pk)
    if not can_retry(request.user, document):
        raise Http404
    services.document_retry(document=document)
    return redirect("documents:status", pk=document.pk)
