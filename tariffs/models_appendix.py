"""The published tariff appendix (takstbilag): one stored, immutable version per publication
of a year, with the rows as the page shows them and the changes since the previous version
(tariffs.appendix holds the plain data and the pure change list)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .appendix import AppendixChange, AppendixRow


class AppendixVersionImmutable(Exception):
    """A published appendix version was to be changed: publish a new version instead."""


class TariffAppendixVersion(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coverage_year = models.PositiveSmallIntegerField(
        _("coverage by usage in"), null=True, blank=True
    )
    rows = models.JSONField(_("rows"), default=list)
    changes = models.JSONField(_("changes since the previous version"), default=list)
    outstanding = models.JSONField(_("offers without an approved tariff"), default=dict)

    class Meta:
        ordering = ["-year", "-version"]
        verbose_name = _("tariff appendix version")
        verbose_name_plural = _("tariff appendix versions")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "version"], name="one_appendix_version_per_year"
            ),
        ]

    def __str__(self):
        return f"{self.year} v{self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendixVersionImmutable(str(self))
        super().save(*args, **kwargs)

    @property
    def appendix_rows(self) -> list[AppendixRow]:
        return [AppendixRow.from_json(row) for row in self.rows]

    @property
    def change_list(self) -> list[AppendixChange]:
        return [AppendixChange.from_json(change) for change in self.changes]
