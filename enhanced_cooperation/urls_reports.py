"""Routes of the enhanced cooperation: the year's round and the annual reports."""

from django.http import Http404
from django.urls import path


def _not_built(request, *args, **kwargs):  # replaced by the reports part (issue 14)
    raise Http404


urlpatterns: list = [path("aarsrapporter/<int:pk>/", _not_built, name="reports")]
