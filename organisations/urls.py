from django.urls import path

from . import views, views_areas

app_name = "organisations"
urlpatterns = [
    path("", views.municipality_list, name="municipality_list"),
    path("befolkningstal/indlaes/", views.population_upload, name="population_upload"),
    path("tilsynsomraader/", views_areas.area_list, name="areas"),
    path("tilsynsomraader/ny/", views_areas.area_edit, name="area_new"),
    path("tilsynsomraader/<int:pk>/", views_areas.area_edit, name="area"),
    path("<str:code>/", views.municipality_detail, name="municipality_detail"),
]
