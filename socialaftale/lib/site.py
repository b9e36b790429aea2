"""The portal's own address, for the links in e-mails.

SITE_URL set: that address, always (set it in production: the scheduled reminders need it).
SITE_URL empty (the default): the address the user's request came in at, so a portal started
on another host or port links to itself, not to http://127.0.0.1:8000:
- a mail sent while a request is handled: request.build_absolute_uri("/") (Django checks the
  host against ALLOWED_HOSTS; behind a proxy SECURE_PROXY_SSL_HEADER gives the scheme);
- a Celery task: the address of the request that queued it, carried in the task message's
  headers (before_task_publish) and used while the task runs (task_prerun). Eager tasks run
  inside the request;
- no request behind it at all (celery beat's daily reminders, a management command):
  LOCAL_SITE_URL, with a warning in the log; `check --deploy` asks for SITE_URL.
"""

import logging
from contextvars import ContextVar

from celery import signals
from django.conf import settings

logger = logging.getLogger(__name__)

LOCAL_SITE_URL = "http://127.0.0.1:8000"  # make run's address
HEADER = "site_url"
_request = ContextVar("site_url_request", default=None)
_queued_from = ContextVar("site_url_queued_from", default="")


def request_site_url() -> str:
    """The address of the request being handled, or of the one that queued this task; ""."""
    request = _request.get()
    return request.build_absolute_uri("/").rstrip("/") if request else _queued_from.get()


def site_url() -> str:
    """The address links in e-mails start with, without a trailing slash."""
    base = settings.SITE_URL or request_site_url()
    if not base:
        logger.warning(
            "SITE_URL is not set and no request is behind this mail: links use %s", LOCAL_SITE_URL
        )
        base = LOCAL_SITE_URL
    return base.rstrip("/")


def absolute_url(path: str) -> str:
    return site_url() + path


class SiteURLMiddleware:
    """Makes the request's address the one mails sent while handling it link to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


@signals.before_task_publish.connect
def carry_site_url(headers=None, **kwargs):
    base = request_site_url()
    if base and headers is not None:
        headers.setdefault(HEADER, base)


@signals.task_prerun.connect
def take_site_url(task=None, **kwargs):
    _queued_from.set(getattr(task.request, HEADER, None) or "")


@signals.task_postrun.connect
def forget_site_url(**kwargs):
    _queued_from.set("")
