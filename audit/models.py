"""One audit log (issue 13): every change to a record and every sending, approval,
publication, calculation run and download of citizen-level data, as one row each.

The app stands on the floor just above `socialaftale/lib`, so every app may write to it; it
therefore knows no other app's models: the organisation and unit an entry concerns are kept
as plain ids (set by the writer), and the record as its content type, id and label.

Nothing in the portal edits or deletes an entry."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATED = "created", _("created")
    CHANGED = "changed", _("changed")
    DELETED = "deleted", _("deleted")
    SENT = "sent", _("sent")
    APPROVED = "approved", _("approved")
    PUBLISHED = "published", _("published")
    CALCULATED = "calculated", _("calculated")
    DOWNLOADED = "downloaded", _("downloaded")
    IMPORTED = "imported", _("imported")
    INVITED = "invited", _("invited")
    OTHER = "other", _("other")


class ReadOnlyLog(Exception):
    """An entry of the audit log was to be changed or deleted: nothing may do that."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ReadOnlyLog("audit log entries cannot be changed")

    def delete(self):
        raise ReadOnlyLog("audit log entries cannot be deleted")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("who (name)"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("record type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    object_label = models.CharField(_("record"), max_length=300, blank=True)
    summary = models.TextField(_("what"), blank=True)
    reason = models.TextField(_("why"), blank=True)
    organisation_id = models.IntegerField(_("organisation"), null=True, blank=True, db_index=True)
    unit_id = models.IntegerField(_("unit"), null=True, blank=True, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ReadOnlyLog("audit log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReadOnlyLog("audit log entries cannot be deleted")
