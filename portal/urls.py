from django.urls import path

from . import views
from .audit_log import audit_log

urlpatterns = [
    path("", views.home, name="home"),
    path("log/", audit_log, name="audit_log"),
]
