from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from . import municipality

        municipality.register()

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()
