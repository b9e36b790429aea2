from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("<slug:reference>/", views.meeting_detail, name="meeting"),
]
