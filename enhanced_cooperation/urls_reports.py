"""Routes of the enhanced cooperation: the year's round and the annual reports."""

from django.urls import path

from . import views_reports, views_reports_read

urlpatterns: list = [
    path("runde/ny/", views_reports_read.year_round_open, name="year_round_open"),
    path("aarsrapporter/", views_reports_read.report_list, name="report_list"),
    path("aarsrapporter/<int:pk>/", views_reports.reports, name="reports"),
    path(
        "aarsrapporter/<int:pk>/<int:member_pk>/",
        views_reports.report_edit,
        name="report_edit",
    ),
    path(
        "aarsrapporter/<int:pk>/<int:member_pk>/laes/",
        views_reports_read.report_read,
        name="report",
    ),
]
