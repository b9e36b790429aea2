from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Submissions")

    def ready(self):
        from socialaftale.lib import jobs

        from . import checks  # noqa: F401 - registers the deployment check
        from .agenda import register_agenda_source
        from .mail import retry_pending
        from .pdf import register_documents

        register_documents()
        register_agenda_source()
        jobs.register_sweeper("mails", retry_pending)

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()

        # The tariff round: each operator reports its covered offers' tariffs (issue 15).
        from . import tariff_round

        tariff_round.register()
