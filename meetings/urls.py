from django.urls import path

from . import views, views_information, views_members, views_setup, views_status

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("ny/", views_setup.meeting_new, name="meeting_new"),
    path("organer/", views_members.body_list, name="bodies"),
    path("organer/medlem/<int:pk>/", views_members.body_member, name="body_member"),
    path("organer/medlem/<int:pk>/afslut/", views_members.body_member_end, name="body_member_end"),
    path("organer/<slug:code>/", views_members.body_detail, name="body"),
    path("<slug:reference>/rediger/", views_setup.meeting_edit, name="meeting_edit"),
    path("<slug:reference>/deltagere/", views_setup.attendance, name="attendance"),
    path("<slug:reference>/", views.meeting_detail, name="meeting"),
    path("<slug:reference>/punkter/ny/", views.item_new, name="item_new"),
    path("<slug:reference>/punkter/<int:pk>/", views.item_edit, name="item"),
    path("<slug:reference>/punkter/<int:pk>/flyt/", views.item_move, name="item_move"),
    path("<slug:reference>/punkter/<int:pk>/slet/", views.item_delete, name="item_delete"),
    path("<slug:reference>/bilag/<int:pk>/", views.attachment_download, name="attachment"),
    path("<slug:reference>/status/", views_status.meeting_status, name="status"),
    path("<slug:reference>/referat/", views.minutes_edit, name="minutes"),
    path("<slug:reference>/forhaandsvisning/", views.meeting_preview, name="preview"),
    path("<slug:reference>/punkter/fra-data/", views.item_generate, name="item_generate"),
    path(
        "<slug:reference>/punkter/<int:pk>/bilag/",
        views.attachment_upload,
        name="attachment_upload",
    ),
    path("<slug:reference>/punkter/<int:pk>/videresend/", views.item_forward, name="item_forward"),
    path(
        "<slug:reference>/bilag/<int:pk>/slet/", views.attachment_delete, name="attachment_delete"
    ),
    path(
        "<slug:reference>/bilag/<int:pk>/dan-igen/",
        views.attachment_regenerate,
        name="attachment_regenerate",
    ),
    *views_information.urlpatterns,
]
