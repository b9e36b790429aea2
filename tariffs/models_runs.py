"""The budget run's job model (SPEC §3.3): imported at the end of tariffs.models."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.jobs import Job

from .models import FinancingScheme


class BudgetRun(Job):
    """One budget run of a year (SPEC §3.3, §3.4a): every scheme of the year (or the one chosen)
    gets a new version of its split, scheme by scheme. `result` holds what each scheme came
    to, in the order run; a retried run goes on from the first scheme not done."""

    year = models.PositiveSmallIntegerField(_("budget year"))
    scheme = models.ForeignKey(
        FinancingScheme,
        verbose_name=_("scheme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="budget_runs",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("budget run")
        verbose_name_plural = _("budget runs")

    def __str__(self):
        return f"Budgetkørsel {self.year} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("tariffs:budget_run", args=[self.pk])

    @property
    def schemes_done(self) -> list[dict]:
        return list((self.result or {}).get("schemes", []))
