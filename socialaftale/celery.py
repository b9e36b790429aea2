import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialaftale.settings")

# The project package is not an installed app, so autodiscovery does not see its tasks.
app = Celery("socialaftale", include=["socialaftale.tasks"])
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# A task carries the address of the request that queued it, for the links in its e-mails.
from .lib import site  # noqa: E402, F401 - connects the task signals
