from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualCycleConfig(AppConfig):
    name = "annual_cycle"
    verbose_name = _("The annual cycle")

    def ready(self):
        from .worklist import register_work_items

        register_work_items()
