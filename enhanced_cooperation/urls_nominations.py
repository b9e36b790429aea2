"""Routes of the enhanced cooperation: nominations and the expert panel's remarks."""

from django.urls import path

from . import views_nominations as nominations
from . import views_remarks as remarks

urlpatterns: list = [
    path("indmeldinger/", nominations.nomination_list, name="nominations"),
    path("indmeldinger/ny/", nominations.nomination_create, name="nomination_create"),
    path("indmeldinger/<int:pk>/", nominations.nomination_detail, name="nomination"),
    path(
        "indmeldinger/<int:pk>/kvittering/",
        nominations.nomination_receipt,
        name="nomination_receipt",
    ),
    path(
        "indmeldinger/<int:pk>/vurdering/", nominations.nomination_assess, name="nomination_assess"
    ),
    path(
        "indmeldinger/<int:pk>/afgoerelse/",
        nominations.nomination_decide,
        name="nomination_decide",
    ),
    path("bemaerkninger/", remarks.remarks_overview, name="remarks"),
    path(
        "bemaerkninger/<int:round_pk>/medlem/<int:member_pk>/",
        remarks.remarks_member,
        name="remarks_member",
    ),
    path(
        "bemaerkninger/<int:round_pk>/indmelding/<int:nomination_pk>/",
        remarks.remarks_nomination,
        name="remarks_nomination",
    ),
]
