"""Generated files (PDFs): one row per version of a document, rendered by a Celery task."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.danish import file_slug
from socialaftale.lib.jobs import Job

from . import registry


class GeneratedDocument(Job):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=100)
    key = models.CharField(_("key"), max_length=255, db_index=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    title = models.CharField(_("title"), max_length=200)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    status_message = models.CharField(_("status message"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="document_key_version_unique"),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="document_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def filename(self) -> str:
        """The title and the version of what the document shows (registry.shown_version)."""
        version = registry.shown_version(self.kind, self.params, self.version)
        return f"{file_slug(self.title) or 'dokument'}-v{slugify(str(version))}.pdf"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
