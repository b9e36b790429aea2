from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from . import views

handler500 = "socialaftale.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("tilbud/", include("offers.urls")),
    path("kommuner/", include("organisations.urls")),
    path("dokumenter/", include("documents.urls")),
    path("takster/", include("tariffs.urls")),
    path("indberetninger/", include("submissions.urls")),
    path("monitorering/", include("monitoring.urls")),
    path("moeder/", include("meetings.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
