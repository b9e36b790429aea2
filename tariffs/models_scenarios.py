"""What-if scenarios of a financing scheme (issue 15): the changes a scenario makes, stored as
fields, and its computed rows beside today's split. A scenario never changes the real figures;
adopting it (services_scenarios.scenario_adopt) makes a new version of them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .models import MONEY, FinancingScheme, FinancingSplit, MixedFinancing, Tariff


class ScenarioKind(models.TextChoices):
    SCHEME = "scheme", _("Financing scheme")
    MIXED = "mixed", _("Mixed financing")
    TARIFF = "tariff", _("Tariff")


class ScenarioKeyBasis(models.TextChoices):
    CURRENT = "current", _("Today's key (parties added are weighted by population figures)")
    POPULATION = "population", _("Population figures for every party")


def _user(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Scenario(models.Model):
    """A scenario of a financing scheme, of a mixed financing (with the scheme that splits its
    objective part, if any) or of an offer's tariff of a year; `kind` says which."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=ScenarioKind.choices, default=ScenarioKind.SCHEME
    )
    scheme = models.ForeignKey(
        FinancingScheme,
        verbose_name=_("scheme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="scenarios",
    )
    mixed_financing = models.ForeignKey(
        MixedFinancing,
        verbose_name=_("mixed financing"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="scenarios",
    )
    tariff = models.ForeignKey(
        Tariff,
        verbose_name=_("tariff"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="scenarios",
    )
    name = models.CharField(_("name"), max_length=200)
    # A mixed financing's share and cases, a tariff's changed components (JSON of strings).
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # The changes (blank: as today).
    new_total = models.DecimalField(
        _("new total (kr.)"), null=True, blank=True, validators=[MinValueValidator(0)], **MONEY
    )
    price_factor = models.DecimalField(
        _("price index factor"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    key_basis = models.CharField(
        _("key"), max_length=20, choices=ScenarioKeyBasis.choices, default=ScenarioKeyBasis.CURRENT
    )
    population_date = models.DateField(_("population figures of"), null=True, blank=True)
    age_band = models.CharField(_("age band"), max_length=20, blank=True)
    added_parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties added"), blank=True, related_name="+"
    )
    removed_parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties removed"), blank=True, related_name="+"
    )
    # The computed result, beside the split it was compared with.
    base_split = models.ForeignKey(
        FinancingSplit,
        verbose_name=_("compared with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result_total = models.DecimalField(_("scenario total (kr.)"), null=True, blank=True, **MONEY)
    method = models.TextField(_("method"), blank=True)
    # A mixed or tariff scenario's computed figures and the real figures it was computed from.
    result = models.JSONField(_("result"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = _user(_("created by"))
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = _user(_("adopted by"))
    adopted_split = models.ForeignKey(
        FinancingSplit,
        verbose_name=_("adopted as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "name"], name="one_scenario_per_name"),
            models.UniqueConstraint(
                fields=["mixed_financing", "name"],
                condition=Q(kind="mixed"),
                name="one_mixed_scenario_per_name",
            ),
            models.UniqueConstraint(
                fields=["tariff", "name"],
                condition=Q(kind="tariff"),
                name="one_tariff_scenario_per_name",
            ),
            models.CheckConstraint(
                condition=Q(price_factor__isnull=True) | Q(price_factor__gt=0),
                name="scenario_price_factor_positive",
            ),
            models.CheckConstraint(
                condition=Q(kind="scheme", scheme__isnull=False)
                | Q(kind="mixed", mixed_financing__isnull=False)
                | Q(kind="tariff", tariff__isnull=False, scheme__isnull=True),
                name="scenario_has_its_subject",
            ),
        ]

    def __str__(self):
        return f"{self.subject}: {self.name}"

    @property
    def subject(self):
        """What the scenario is of: the scheme, the mixed financing or the tariff."""
        if self.kind == ScenarioKind.MIXED:
            return self.mixed_financing
        if self.kind == ScenarioKind.TARIFF:
            return self.tariff
        return self.scheme


class ScenarioRow(models.Model):
    """A party's amount today and in the scenario; either is empty for a party added or left
    out."""

    scenario = models.ForeignKey(
        Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE, related_name="rows"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("party"), on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"))
    today_amount = models.DecimalField(_("today (kr.)"), null=True, blank=True, **MONEY)
    today_pct = models.DecimalField(
        _("today (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    weight = models.DecimalField(
        _("weight"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    amount = models.DecimalField(_("scenario (kr.)"), null=True, blank=True, **MONEY)
    share_pct = models.DecimalField(
        _("scenario (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    naive_amount = models.DecimalField(
        _("amount rounded row by row (kr.)"), null=True, blank=True, **MONEY
    )
    change = models.DecimalField(_("change (kr.)"), **MONEY)
    change_pct = models.DecimalField(
        _("change (%)"), max_digits=16, decimal_places=1, null=True, blank=True
    )

    class Meta:
        ordering = ["scenario", "position"]
        verbose_name = _("scenario row")
        verbose_name_plural = _("scenario rows")
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "organisation"], name="one_scenario_row_per_party"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.today_amount} → {self.amount}"
