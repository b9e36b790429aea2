from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from socialaftale.lib import jobs

        from .models import GeneratedDocument
        from .tasks import render_document

        jobs.register(GeneratedDocument, task=render_document)
