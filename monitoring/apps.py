from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from socialaftale.lib import jobs

        from . import checks  # noqa: F401 - registers the deployment check
        from .models import AnalysisRun
        from .pdf import register_documents
        from .tasks import compute_analysis

        register_documents()
        jobs.register(AnalysisRun, task=compute_analysis)
