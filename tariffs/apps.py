from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TariffsConfig(AppConfig):
    name = "tariffs"
    verbose_name = _("Tariffs and financing")

    def ready(self):
        from .agenda import register_agenda_source
        from .pdf import register_documents

        register_documents()
        register_agenda_source()

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()
