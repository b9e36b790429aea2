from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("borgerlister/", views.upload_list, name="uploads"),
    path("borgerlister/upload/", views.upload, name="upload"),
    path("analyser/ny/", views.run_create, name="run_create"),
    path("analyser/<int:pk>/", views.run_detail, name="run"),
    path("analyser/<int:pk>/status/", views.run_progress, name="run_progress"),
    path("analyser/<int:pk>/endelig/", views.run_finalise, name="run_finalise"),
    path("analyser/<int:pk>/koer-igen/", views.run_rerun, name="run_rerun"),
    path("analyser/<int:pk>/proev-igen/", views.run_retry, name="run_retry"),
    path("analyser/<int:pk>/diagram.svg", views.run_chart, name="run_chart"),
    path("analyser/<int:pk>/kommune/", views.own_view, name="own_view"),
    path("tendens.svg", views.trend_chart, name="trend_chart"),
]
