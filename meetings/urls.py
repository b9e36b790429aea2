from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("<slug:reference>/", views.meeting_detail, name="meeting"),
    path("<slug:reference>/punkter/ny/", views.item_new, name="item_new"),
    path("<slug:reference>/punkter/<int:pk>/", views.item_edit, name="item"),
    path("<slug:reference>/punkter/<int:pk>/flyt/", views.item_move, name="item_move"),
    path("<slug:reference>/bilag/<int:pk>/", views.attachment_download, name="attachment"),
]
