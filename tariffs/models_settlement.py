"""Objective financing over the year (SPEC §3.4a): the on-account plan charged in
instalments, the actual expenditure recorded when the accounts are known, and the true-up
statement computed from them. Every row is stored with what it was made from and never
edited: a new plan, recording or statement is a new version next to the old ones."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

MONEY = {"max_digits": 14, "decimal_places": 2}


def _user(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class OnAccountPlan(models.Model):
    """The scheme's split (one version of it) charged on account in instalments."""

    scheme = models.ForeignKey(
        "tariffs.FinancingScheme",
        verbose_name=_("scheme"),
        on_delete=models.CASCADE,
        related_name="on_account_plans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveIntegerField(_("version"))
    split = models.ForeignKey(
        "tariffs.FinancingSplit",
        verbose_name=_("split charged"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    instalment_count = models.PositiveSmallIntegerField(
        _("number of instalments"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    first_due_on = models.DateField(_("first due date"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = _user(_("created by"))

    class Meta:
        ordering = ["scheme", "year", "-version"]
        verbose_name = _("on-account plan")
        verbose_name_plural = _("on-account plans")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "year", "version"], name="one_on_account_plan_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.scheme.name} – aconto {self.year} v{self.version}"


class OnAccountCharge(models.Model):
    plan = models.ForeignKey(
        OnAccountPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="charges"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("party"), on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"))
    instalment = models.PositiveSmallIntegerField(_("instalment"))
    due_on = models.DateField(_("due date"))
    amount = models.DecimalField(_("amount (kr.)"), **MONEY)

    class Meta:
        ordering = ["plan", "position", "instalment"]
        verbose_name = _("on-account charge")
        verbose_name_plural = _("on-account charges")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "organisation", "instalment"], name="one_charge_per_instalment"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} {self.instalment}: {self.amount}"


class ActualExpenditure(models.Model):
    """The year's actual expenditure of a scheme; a new recording supersedes the previous one,
    which is kept."""

    scheme = models.ForeignKey(
        "tariffs.FinancingScheme",
        verbose_name=_("scheme"),
        on_delete=models.CASCADE,
        related_name="actuals",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("actual expenditure (kr.)"), **MONEY)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = _user(_("recorded by"))

    class Meta:
        ordering = ["scheme", "year", "-recorded_at", "-pk"]
        verbose_name = _("actual expenditure")
        verbose_name_plural = _("actual expenditures")

    def __str__(self):
        return f"{self.scheme} {self.year}: {self.amount}"


class TrueUpStatement(models.Model):
    """The true-up (efterregulering) of a scheme's year: the actual split by the key of the
    split charged, minus what the plan charged; stored with its inputs, never edited."""

    scheme = models.ForeignKey(
        "tariffs.FinancingScheme",
        verbose_name=_("scheme"),
        on_delete=models.CASCADE,
        related_name="true_ups",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveIntegerField(_("version"))
    split = models.ForeignKey(
        "tariffs.FinancingSplit",
        verbose_name=_("split used for the key"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    actual = models.ForeignKey(
        ActualExpenditure, verbose_name=_("actual expenditure"), on_delete=models.PROTECT
    )
    plan = models.ForeignKey(
        OnAccountPlan, verbose_name=_("plan charged"), on_delete=models.PROTECT
    )
    decimals = models.PositiveSmallIntegerField(_("decimals"))
    actual_total = models.DecimalField(_("actual expenditure (kr.)"), **MONEY)
    charged_total = models.DecimalField(_("charged on account (kr.)"), **MONEY)
    difference_total = models.DecimalField(_("difference (kr.)"), **MONEY)
    method = models.TextField(_("method"))
    inputs = models.JSONField(_("inputs"))
    calculation_version = models.CharField(_("calculation version"), max_length=20)
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)
    computed_by = _user(_("computed by"))

    class Meta:
        ordering = ["scheme", "year", "-version"]
        verbose_name = _("true-up statement")
        verbose_name_plural = _("true-up statements")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "year", "version"], name="one_true_up_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.scheme.name} – efterregulering {self.year} v{self.version}"


class TrueUpRow(models.Model):
    statement = models.ForeignKey(
        TrueUpStatement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="rows"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("party"), on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"))
    weight = models.DecimalField(_("weight"), max_digits=16, decimal_places=4)
    share_pct = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=1)
    actual_share = models.DecimalField(_("share of the actual expenditure (kr.)"), **MONEY)
    charged = models.DecimalField(_("charged on account (kr.)"), **MONEY)
    # actual_share − charged: positive, the municipality pays more; negative, a refund.
    difference = models.DecimalField(_("difference (kr.)"), **MONEY)

    class Meta:
        ordering = ["statement", "position"]
        verbose_name = _("true-up row")
        verbose_name_plural = _("true-up rows")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "organisation"], name="one_true_up_row_per_party"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.difference}"
