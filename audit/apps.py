from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from .hooks import on_history_record

        post_create_historical_record.connect(
            on_history_record, dispatch_uid="audit-history-record"
        )
