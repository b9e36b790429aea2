from django.urls import path

from . import views

app_name = "annual_cycle"
urlpatterns = [
    path("", views.year_current, name="year_current"),
    path("<int:year>/", views.year_view, name="year"),
    path("<int:year>/generer/", views.generate, name="generate"),
    path("frister/", views.due_list, name="due"),
    path("definitioner/", views.definition_list, name="definitions"),
    path("definitioner/<int:pk>/", views.definition_edit, name="definition_edit"),
    path("begivenhed/<int:pk>/", views.event_edit, name="event_edit"),
]
