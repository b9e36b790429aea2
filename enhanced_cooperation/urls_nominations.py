"""Routes of the enhanced cooperation: nominations and the expert panel's remarks."""

from django.http import Http404
from django.urls import path


def _not_built(request, *args, **kwargs):  # replaced by the nominations part (issue 14)
    raise Http404


urlpatterns: list = [path("indmeldinger/ny/", _not_built, name="nomination_create")]
