from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Change notices")

    def ready(self):
        from . import agenda, sections
        from .worklist import register_work_items

        agenda.register()
        sections.register()
        register_work_items()
        register_audit_scopes()


def register_audit_scopes():
    """A notice or a plan concerns the offer's operator."""
    from audit import scopes

    from .models import ChangeNotice, DevelopmentPlan

    scopes.register(ChangeNotice, lambda notice: (notice.offer.operator_id, None))
    scopes.register(DevelopmentPlan, lambda plan: (plan.offer.operator_id, None))
