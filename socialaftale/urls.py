from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

handler500 = "socialaftale.views.server_error"

# The admin's headings otherwise read "Django administration" (Django's Danish is the same).
admin.site.site_header = admin.site.site_title = _("Socialaftale – administration")
admin.site.index_title = _("Administration")


def superusers_only(request) -> bool:
    """Django's admin is for superusers (issue 13): the daily work has Danish pages of its own,
    and staff status alone no longer opens it."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only

# No route serves MEDIA_ROOT, in any mode: stored files (receipts, minutes, analysis reports)
# are only ever sent by the download views, after their access helper has said yes.
urlpatterns = [
    path("", include("portal.urls")),
    path("tilbud/", include("offers.urls")),
    path("kommuner/", include("organisations.urls")),
    path("dokumenter/", include("documents.urls")),
    path("takster/", include("tariffs.urls")),
    path("aendringer/", include("notices.urls")),
    path("indberetninger/", include("submissions.urls")),
    path("monitorering/", include("monitoring.urls")),
    path("moeder/", include("meetings.urls")),
    path("personer/", include("people.urls")),
    path("aarshjul/", include("annual_cycle.urls")),
    path("samarbejde/", include("enhanced_cooperation.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
