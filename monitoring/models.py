from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from offers.models import Offer
from organisations.models import Organisation, OrganisationUnit
from socialaftale.lib.jobs import Job

from .results import RunResult


class CitizenListUpload(models.Model):
    """One uploaded citizen list. The file itself is never stored (it may hold CPR numbers):
    only its rows, pseudonymised, and its checksum, counts and months."""

    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="citizen_lists",
    )
    filename = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(_("checksum of the file (SHA-256)"), max_length=64)
    row_count = models.PositiveIntegerField(_("rows"))
    citizen_count = models.PositiveIntegerField(_("citizens"))
    months = models.JSONField(_("months covered"), default=list)
    total = models.DecimalField(_("expenditure in total (kr.)"), max_digits=16, decimal_places=2)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    replaced_rows = models.PositiveIntegerField(_("earlier rows replaced"), default=0)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("citizen list")
        verbose_name_plural = _("citizen lists")

    def __str__(self):
        return f"{self.unit.code} {self.filename} ({self.uploaded_at:%Y-%m-%d})"


class CitizenMonth(models.Model):
    """A citizen's expenditure in one offer in one month, paid by an acting municipality.
    `citizen` is an HMAC of the CPR number (or the pseudonymous id the municipality gave).

    A high-volume fact table (a million rows a year): its references are set by the importer
    alone, so they carry no database-level foreign-key triggers (Django still cascades the
    delete of an upload), and unit, municipality and offer no single-column indexes. Per-row
    triggers made COPY about three times slower (bench/)."""

    upload = models.ForeignKey(
        CitizenListUpload,
        verbose_name=_("citizen list"),
        on_delete=models.CASCADE,
        related_name="rows",
        db_constraint=False,
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
    )
    citizen = models.CharField(_("citizen (pseudonymised)"), max_length=64)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("acting municipality"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
    )
    offer = models.ForeignKey(
        Offer,
        verbose_name=_("offer"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
    )
    month = models.DateField(_("month"))
    amount = models.DecimalField(_("expenditure (kr.)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("citizen month")
        verbose_name_plural = _("citizen months")
        indexes = [
            models.Index(fields=["month", "municipality"]),
            models.Index(fields=["unit", "month"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "citizen", "offer", "month"], name="one_row_per_citizen_offer_month"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="expenditure_not_negative"),
        ]

    def __str__(self):
        return f"{self.citizen[:8]}… {self.month:%Y-%m} {self.amount}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DRAFT = "draft", _("Draft (for DAS)")
    FINAL = "final", _("Final")
    FAILED = "failed", _("Failed")


class CohortRule(models.TextChoices):
    EVERY_JANUARY = "every-january", _("Present in every January from the baseline")
    FIXED = "fixed", _("Fixed cohort from the defining years")


class AnalysisRun(Job):
    """One computation of the expenditure analysis, stored with its parameters, the uploads it
    read and its results. Re-running makes a new version; a run is never recomputed in place."""

    baseline = models.CharField(_("baseline month"), max_length=7, default="2016-01")
    measure = models.CharField(_("measurement month"), max_length=7)
    cohort = models.CharField(
        _("cohort rule"),
        max_length=20,
        choices=CohortRule.choices,
        default=CohortRule.EVERY_JANUARY,
    )
    defining_from = models.PositiveSmallIntegerField(
        _("defining years from"), null=True, blank=True
    )
    defining_to = models.PositiveSmallIntegerField(_("defining years to"), null=True, blank=True)
    all_offers = models.BooleanField(
        _("all offers"),
        default=False,
        help_text=_("Count every offer, not only those covered by the agreement that year."),
    )
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    uploads = models.ManyToManyField(
        CitizenListUpload, verbose_name=_("citizen lists used"), blank=True
    )
    result = models.JSONField(_("result"), null=True, blank=True)
    calculation_version = models.CharField(_("calculation version"), max_length=20, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-measure", "-version"]
        verbose_name = _("analysis run")
        verbose_name_plural = _("analysis runs")
        constraints = [
            models.UniqueConstraint(fields=["measure", "version"], name="one_run_per_version"),
        ]

    def __str__(self):
        return f"Udgiftsanalyse {self.measure[:4]} v{self.version}"

    def get_absolute_url(self):
        return reverse("monitoring:run", args=[self.pk])

    @property
    def year(self) -> int:
        return int(self.measure[:4])

    @property
    def analysis_result(self) -> RunResult | None:
        """The stored result, typed (None until the run is computed)."""
        return RunResult.from_json(self.result) if self.result else None

    @property
    def reduction_pct(self) -> Decimal | None:
        result = self.analysis_result
        return result.reduction_pct if result else None
