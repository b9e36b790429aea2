"""A deployment check (`manage.py check --deploy`) of SITE_URL: the daily reminders are sent by
the scheduler, with no request to take the portal's address from (socialaftale/lib/site.py)."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_site_url(app_configs, **kwargs):
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "SITE_URL er ikke sat: påmindelserne, som planlæggeren sender hver morgen, linker "
            "til http://127.0.0.1:8000.",
            hint="Sæt SITE_URL til portalens adresse, fx https://portal.example.dk.",
            id="submissions.W001",
        )
    ]
