from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("ny/", views.notice_create, name="create"),
    path("<int:pk>/", views.notice_detail, name="detail"),
    path("uden-varsel/", views.unnoticed, name="unnoticed"),
    path("udviklingsplaner/", views.plans, name="plans"),
]
