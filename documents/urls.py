from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("bestil/", views.document_request, name="request"),
    path("<int:pk>/", views.document_status, name="status"),
    path("<int:pk>/status/", views.document_progress, name="progress"),
    path("<int:pk>/hent/", views.document_download, name="download"),
    path("<int:pk>/proev-igen/", views.document_retry, name="retry"),
]
