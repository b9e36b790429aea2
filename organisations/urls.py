from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.municipality_list, name="municipality_list"),
    path("befolkningstal/indlaes/", views.population_upload, name="population_upload"),
    path("<str:code>/", views.municipality_detail, name="municipality_detail"),
]
