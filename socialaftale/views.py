"""The 500 handler of the ground floor (the start page is the top app `portal`)."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error


def server_error(request):
    """The 500 handler: a database that is down or restarting is a 503 with a Danish page
    (rendered without the request: its context processors would ask the database again)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    response = default_server_error(request)
    return response if response is not None else HttpResponseServerError()
