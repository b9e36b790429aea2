from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from socialaftale.lib import jobs
        from submissions.kinds import register_hand_in_page
        from submissions.models import RoundKind

        from . import checks  # noqa: F401 - registers the deployment check
        from .agenda import register_agenda_source
        from .models import AnalysisRun
        from .pdf import register_documents
        from .tasks import compute_analysis

        register_documents()
        register_agenda_source()
        jobs.register(AnalysisRun, task=compute_analysis)
        # A citizen-list round is handed in by uploading the list (citizen_list_hand_in).
        register_hand_in_page(
            RoundKind.CITIZEN_LIST, "monitoring:upload", _("Hand in by uploading the citizen list")
        )

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()
