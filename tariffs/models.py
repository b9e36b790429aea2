from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offers.models import Offer
from organisations.models import Organisation, SupervisionArea

MONEY = {"max_digits": 14, "decimal_places": 2}


class TariffUnit(models.TextChoices):
    DAY = "day", _("per day")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")
    CASE = "case", _("per case")


class TariffStatus(models.TextChoices):
    PROVISIONAL = "provisional", _("Provisional")
    FINAL = "final", _("Final")


class Tariff(models.Model):
    """An offer's tariff for a year, reported by the operator and approved by the secretariat.

    From 2021 a tariff is a base tariff (fixed costs) plus a service tariff per service package.
    """

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="tariffs"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.CharField(_("unit"), max_length=10, choices=TariffUnit.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=TariffStatus.choices, default=TariffStatus.PROVISIONAL
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    # The reason holds the reported components (they have no history of their own).
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["offer__name", "-year"]
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")
        constraints = [
            models.UniqueConstraint(fields=["offer", "year"], name="one_tariff_per_offer_year"),
            models.CheckConstraint(
                condition=~Q(status="final") | Q(approved_at__isnull=False),
                name="final_tariff_is_approved",
            ),
        ]

    def __str__(self):
        return f"{self.offer} {self.year}"


class ComponentKind(models.TextChoices):
    BASE = "base", _("Base tariff")
    SERVICE = "service", _("Service tariff")
    TOTAL = "total", _("Tariff (not split)")


class TariffComponent(models.Model):
    tariff = models.ForeignKey(
        Tariff, verbose_name=_("tariff"), on_delete=models.CASCADE, related_name="components"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ComponentKind.choices)
    package = models.CharField(
        _("service package"), max_length=100, blank=True, help_text=_("e.g. “Pakke 2”")
    )
    amount = models.DecimalField(_("amount (kr.)"), validators=[MinValueValidator(0)], **MONEY)

    class Meta:
        ordering = ["kind", "package"]
        verbose_name = _("tariff component")
        verbose_name_plural = _("tariff components")
        constraints = [
            models.UniqueConstraint(
                fields=["tariff", "kind", "package"], name="one_component_per_package"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.package}: {self.amount}".strip()


class ReductionTarget(models.Model):
    """The yearly expenditure-reduction components (Rammeaftale 2017); they add up."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    tariff_reduction_pct = models.DecimalField(
        _("general tariff reduction (%)"), max_digits=4, decimal_places=2
    )
    dialogue_reduction_pct = models.DecimalField(
        _("reduction through dialogue and referral (%)"), max_digits=4, decimal_places=2
    )

    class Meta:
        ordering = ["year"]
        verbose_name = _("reduction target")
        verbose_name_plural = _("reduction targets")

    def __str__(self):
        return str(self.year)


class PriceIndex(models.Model):
    from_year = models.PositiveSmallIntegerField(_("from year's prices"))
    to_year = models.PositiveSmallIntegerField(_("to year's prices"))
    factor = models.DecimalField(_("factor"), max_digits=8, decimal_places=5)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["from_year", "to_year"]
        verbose_name = _("price index")
        verbose_name_plural = _("price indices")
        constraints = [
            models.UniqueConstraint(fields=["from_year", "to_year"], name="one_index_per_years"),
            models.CheckConstraint(condition=Q(factor__gt=0), name="price_factor_positive"),
        ]

    def __str__(self):
        return f"{self.from_year} → {self.to_year}: {self.factor}"


class KeyBasis(models.TextChoices):
    COUNTS = "counts", _("Counts (e.g. number of 0–17 year olds)")
    PERCENTAGES = "percentages", _("Published percentages")


class DistributionKey(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    basis = models.CharField(_("basis"), max_length=20, choices=KeyBasis.choices)
    area = models.ForeignKey(
        SupervisionArea, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT
    )
    reference_date = models.DateField(_("reference date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("distribution key")
        verbose_name_plural = _("distribution keys")

    def __str__(self):
        return self.name


class DistributionKeyRow(models.Model):
    key = models.ForeignKey(
        DistributionKey, verbose_name=_("key"), on_delete=models.CASCADE, related_name="rows"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("party"), on_delete=models.PROTECT
    )
    weight = models.DecimalField(
        _("weight"), max_digits=16, decimal_places=4, validators=[MinValueValidator(0)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("key row")
        verbose_name_plural = _("key rows")
        constraints = [
            models.UniqueConstraint(fields=["key", "organisation"], name="one_row_per_party"),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.weight}"


class KeyRule(models.TextChoices):
    FIXED = "fixed", _("Fixed key (the stored rows)")
    POPULATION = "population", _("Population of an age band")
    USAGE = "usage", _("Places used in the offer")


class FinancingScheme(models.Model):
    """Objective financing: a total split between parties by a distribution key.

    The key's rule is the scheme's, not the key's: a population key reads the figures of Q2 of
    the year before the scheme's budget year, so the same area and age band give each year's
    scheme its own weights (tariffs.key_rules). A fixed rule splits by the stored key's rows.
    With mixed financing the total is its objective part (share × total budget, SPEC §3.2).
    """

    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    total = models.DecimalField(_("total (kr.)"), validators=[MinValueValidator(0)], **MONEY)
    key_rule = models.CharField(
        _("key rule"), max_length=20, choices=KeyRule.choices, default=KeyRule.FIXED
    )
    key = models.ForeignKey(
        DistributionKey,
        verbose_name=_("distribution key"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    age_band = models.CharField(
        _("age band"), max_length=20, blank=True, help_text=_("e.g. '0-17' (population rule)")
    )
    area = models.ForeignKey(
        SupervisionArea,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="financing_schemes",
        help_text=_("Empty: the municipalities that are parties to the agreement."),
    )
    offer = models.ForeignKey(
        Offer,
        verbose_name=_("offer (usage rule)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="financing_schemes",
    )
    mixed_financing = models.ForeignKey(
        "MixedFinancing",
        verbose_name=_("mixed financing"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="schemes",
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals"), default=0, validators=[MaxValueValidator(2)]
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("financing scheme")
        verbose_name_plural = _("financing schemes")
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="one_scheme_per_name_year"),
            models.CheckConstraint(
                condition=~Q(key_rule="fixed") | Q(key__isnull=False),
                name="fixed_rule_has_a_key",
            ),
            models.CheckConstraint(
                condition=~Q(key_rule="population") | ~Q(age_band=""),
                name="population_rule_has_an_age_band",
            ),
            models.CheckConstraint(
                condition=~Q(key_rule="usage") | Q(offer__isnull=False),
                name="usage_rule_has_an_offer",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.year}"


class FinancingSplit(models.Model):
    """A computed split, stored with its inputs, method and version; never edited."""

    scheme = models.ForeignKey(
        FinancingScheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="splits"
    )
    version = models.PositiveIntegerField(_("version"))
    total = models.DecimalField(_("total (kr.)"), **MONEY)
    decimals = models.PositiveSmallIntegerField(_("decimals"))
    method = models.TextField(_("method"))
    inputs = models.JSONField(_("inputs"))
    calculation_version = models.CharField(_("calculation version"), max_length=20)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["scheme", "-version"]
        verbose_name = _("computed split")
        verbose_name_plural = _("computed splits")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "version"], name="one_split_per_version"),
        ]

    def __str__(self):
        return f"{self.scheme} v{self.version}"


class FinancingSplitRow(models.Model):
    split = models.ForeignKey(
        FinancingSplit, verbose_name=_("split"), on_delete=models.CASCADE, related_name="rows"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("party"), on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"))
    weight = models.DecimalField(_("weight"), max_digits=16, decimal_places=4)
    share = models.DecimalField(_("share"), max_digits=12, decimal_places=10)
    share_pct = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=1)
    amount = models.DecimalField(_("amount (kr.)"), **MONEY)
    naive_amount = models.DecimalField(_("amount rounded row by row (kr.)"), **MONEY)

    class Meta:
        ordering = ["split", "position"]
        verbose_name = _("split row")
        verbose_name_plural = _("split rows")

    def __str__(self):
        return f"{self.organisation}: {self.amount}"


class SupervisionBudget(models.Model):
    """Socialtilsyn Nord's budget by department, in a given year's prices."""

    budget_year = models.PositiveSmallIntegerField(_("budget year"))
    price_basis = models.PositiveSmallIntegerField(_("price basis"))
    total = models.DecimalField(_("total"), **MONEY)
    offers_department = models.DecimalField(_("offers department"), **MONEY)
    foster_family_department = models.DecimalField(_("foster-family department"), **MONEY)

    class Meta:
        ordering = ["budget_year", "price_basis"]
        verbose_name = _("supervision budget")
        verbose_name_plural = _("supervision budgets")
        constraints = [
            models.UniqueConstraint(
                fields=["budget_year", "price_basis"], name="one_budget_per_year_basis"
            ),
            models.CheckConstraint(
                condition=Q(
                    total=models.F("offers_department") + models.F("foster_family_department")
                ),
                name="budget_departments_add_up",
            ),
        ]

    def __str__(self):
        return f"{self.budget_year} ({self.price_basis}-priser)"


class SupervisionVolume(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    foster_families = models.PositiveIntegerField(_("foster families"))
    foster_family_new_approvals = models.PositiveIntegerField(_("new foster-family approvals"))
    offers = models.PositiveIntegerField(_("offers supervised"))
    offer_new_approvals = models.PositiveIntegerField(_("new offer approvals"))
    bpa_company_approvals = models.PositiveIntegerField(
        _("BPA company approvals"), null=True, blank=True
    )

    class Meta:
        ordering = ["year"]
        verbose_name = _("supervision volume")
        verbose_name_plural = _("supervision volumes")

    def __str__(self):
        return str(self.year)


class SupervisionTariff(models.Model):
    """Cost-based supervision tariffs per size category (number of places)."""

    tariff_year = models.PositiveSmallIntegerField(_("tariff year"))
    price_basis = models.PositiveSmallIntegerField(_("price basis"))
    category = models.PositiveSmallIntegerField(
        _("size category"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    places_min = models.PositiveIntegerField(_("from places"))
    places_max = models.PositiveIntegerField(_("to places"), null=True, blank=True)
    annual = models.DecimalField(_("annual supervision"), **MONEY)
    intensified = models.DecimalField(_("intensified supervision"), null=True, blank=True, **MONEY)
    new_approval = models.DecimalField(_("new approval"), null=True, blank=True, **MONEY)
    substantial_change = models.DecimalField(
        _("substantial change"), null=True, blank=True, **MONEY
    )

    class Meta:
        ordering = ["tariff_year", "price_basis", "category"]
        verbose_name = _("supervision tariff")
        verbose_name_plural = _("supervision tariffs")
        constraints = [
            models.UniqueConstraint(
                fields=["tariff_year", "price_basis", "category"],
                name="one_supervision_tariff_per_category",
            ),
        ]

    def __str__(self):
        return f"{self.tariff_year} ({self.price_basis}) kat. {self.category}"


class BpaRate(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    price_basis = models.PositiveSmallIntegerField(_("price basis"))
    hourly_rate = models.DecimalField(_("hourly rate"), **MONEY)
    hours_per_new_approval = models.PositiveIntegerField(
        _("hours per new approval"), null=True, blank=True
    )

    class Meta:
        ordering = ["year", "price_basis"]
        verbose_name = _("BPA hourly rate")
        verbose_name_plural = _("BPA hourly rates")
        constraints = [
            models.UniqueConstraint(fields=["year", "price_basis"], name="one_bpa_rate_per_basis"),
        ]

    def __str__(self):
        return f"{self.year} ({self.price_basis}): {self.hourly_rate}"


class DevelopmentContributionRate(models.Model):
    """Udviklingsbidrag: kroner per inhabitant paid by each municipality to the region."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    kroner_per_inhabitant = models.DecimalField(_("kroner per inhabitant"), **MONEY)
    reply_deadline = models.DateField(_("reply deadline"))
    recipient = models.CharField(_("recipient"), max_length=200)

    class Meta:
        ordering = ["year"]
        verbose_name = _("development contribution rate")
        verbose_name_plural = _("development contribution rates")

    def __str__(self):
        return f"{self.year}: {self.kroner_per_inhabitant} kr."


class MixedFinancing(models.Model):
    """An offer financed partly by objective financing and partly by a tariff per case."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="mixed_financing"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    objective_share = models.DecimalField(
        _("objective share"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    objective_financing = models.DecimalField(
        _("objective financing"), null=True, blank=True, **MONEY
    )
    total_budget = models.DecimalField(_("total budget"), null=True, blank=True, **MONEY)
    expected_cases = models.PositiveIntegerField(_("expected cases"))
    actual_cases = models.PositiveIntegerField(_("actual cases"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["offer__name", "-year"]
        verbose_name = _("mixed financing")
        verbose_name_plural = _("mixed financing")
        constraints = [
            models.UniqueConstraint(fields=["offer", "year"], name="one_mixed_financing_per_year"),
            models.CheckConstraint(
                condition=Q(objective_financing__isnull=False) | Q(total_budget__isnull=False),
                name="mixed_financing_has_an_amount",
            ),
        ]

    def __str__(self):
        return f"{self.offer} {self.year}"


from .models_appendix import TariffAppendixVersion  # noqa: E402, F401  (a model of this app)
from .models_round import RoundState, TariffRoundEntry  # noqa: E402, F401 - the tariff round
from .models_runs import BudgetRun  # noqa: E402, F401  (a model of this app)

# The what-if scenarios of a financing scheme (issue 15) live in their own module.
from .models_scenarios import (  # noqa: E402, F401
    Scenario,
    ScenarioKeyBasis,
    ScenarioKind,
    ScenarioRow,
)

# The on-account plan, the actual expenditure and the true-up (SPEC §3.4a), in their own module.
from .models_settlement import (  # noqa: E402, F401
    ActualExpenditure,
    OnAccountCharge,
    OnAccountPlan,
    TrueUpRow,
    TrueUpStatement,
)
