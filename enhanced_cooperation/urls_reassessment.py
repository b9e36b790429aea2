"""Routes of the enhanced cooperation: the re-assessment before a new period."""

from django.urls import path

from . import views_reassessment as views

urlpatterns: list = [
    path("genvurdering/ny/", views.reassessment_open, name="reassessment_open"),
    path("genvurdering/<int:pk>/", views.reassessment_overview, name="reassessment"),
    path(
        "genvurdering/<int:pk>/medlem/<int:member_pk>/",
        views.reassessment_member,
        name="reassessment_member",
    ),
]
