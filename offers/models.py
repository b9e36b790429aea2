import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.models import Organisation


class AgeGroup(models.TextChoices):
    CHILDREN = "children", _("Children and young people (under 18)")
    ADULTS = "adults", _("Adults")
    BOTH = "both", _("Children and adults")


class TargetGroup(models.Model):
    """The target-group taxonomy of SPEC §2 (two levels)."""

    slug = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


class LegalBasis(models.Model):
    """A paragraph of a law, e.g. "SEL § 107" (Serviceloven) or "ABL § 105" (Almenboligloven)."""

    code = models.CharField(_("paragraph"), max_length=40, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self):
        return self.code


class ServiceType(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service type")
        verbose_name_plural = _("service types")

    def __str__(self):
        return self.name


class OfferStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    WITHDRAWAL_REQUESTED = "withdrawal_requested", _("Withdrawal requested")
    MERGED = "merged", _("Merged")
    CLOSED = "closed", _("Closed")


class Offer(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    operator = models.ForeignKey(
        Organisation, verbose_name=_("operator"), on_delete=models.PROTECT, related_name="offers"
    )
    location_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("location municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="located_offers",
        limit_choices_to={"kind": "municipality"},
    )
    status = models.CharField(
        _("status"), max_length=30, choices=OfferStatus.choices, default=OfferStatus.ACTIVE
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="offers"
    )
    target_group_text = models.TextField(_("target group (as described)"), blank=True)
    age_group = models.CharField(
        _("age group"), max_length=20, choices=AgeGroup.choices, blank=True
    )
    can_handle = models.TextField(_("what the offer can handle"), blank=True)
    cannot_handle = models.TextField(_("what the offer cannot handle"), blank=True)
    legal_bases = models.ManyToManyField(
        LegalBasis, verbose_name=_("legal basis"), blank=True, related_name="offers"
    )
    legal_basis_text = models.CharField(_("legal basis (as written)"), max_length=200, blank=True)
    service_types = models.ManyToManyField(
        ServiceType, verbose_name=_("service types"), blank=True, related_name="offers"
    )
    opening_year = models.PositiveSmallIntegerField(_("opening year"), null=True, blank=True)
    opening_month = models.PositiveSmallIntegerField(
        _("opening month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    description = models.TextField(_("description"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    last_confirmed_at = models.DateTimeField(_("last confirmed at"), null=True, blank=True)
    last_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(m2m_fields=[target_groups, legal_bases, service_types])

    class Meta:
        ordering = ["name"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(opening_month__isnull=True) | Q(opening_year__isnull=False),
                name="opening_month_needs_year",
            ),
            models.CheckConstraint(
                condition=~Q(replaces=models.F("pk")), name="offer_does_not_replace_itself"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.pk])


class Department(models.Model):
    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["offer", "name"], name="unique_department_name"),
        ]

    def __str__(self):
        return f"{self.offer}: {self.name}"


class PlaceKind(models.TextChoices):
    UNSPECIFIED = "unspecified", _("Places")
    DAY = "day", _("Day places")
    RESIDENTIAL = "residential", _("Residential places")
    RESPITE = "respite", _("Respite places")
    ACUTE = "acute", _("Acute places")


class Capacity(models.Model):
    """Places of an offer in a year, normalised from the text as written ("14 + 4
    aflastningspladser"). The text is kept; unclear answers are flagged, never rejected."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="capacities"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    as_written = models.CharField(_("places as written"), max_length=200, blank=True)
    base_kind = models.CharField(
        _("kind of the base places"),
        max_length=20,
        choices=PlaceKind.choices,
        default=PlaceKind.UNSPECIFIED,
    )
    base_places = models.PositiveIntegerField(_("places"), null=True, blank=True)
    minimum_places = models.PositiveIntegerField(_("minimum"), null=True, blank=True)
    maximum_places = models.PositiveIntegerField(_("maximum"), null=True, blank=True)
    total_places = models.PositiveIntegerField(
        _("places in total"),
        null=True,
        blank=True,
        help_text=_("Base places plus the extra places of other kinds."),
    )
    needs_review = models.BooleanField(_("needs review"), default=False)
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    occupancy_pct = models.DecimalField(
        _("occupancy (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["offer__name", "-year"]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        constraints = [
            models.UniqueConstraint(fields=["offer", "year"], name="one_capacity_per_offer_year"),
            models.CheckConstraint(
                condition=Q(minimum_places__isnull=True)
                | Q(maximum_places__isnull=True)
                | Q(minimum_places__lte=models.F("maximum_places")),
                name="capacity_min_not_above_max",
            ),
        ]

    def __str__(self):
        return f"{self.offer} {self.year}: {self.as_written or self.total_places}"


class ExtraPlaces(models.Model):
    capacity = models.ForeignKey(
        Capacity, verbose_name=_("capacity"), on_delete=models.CASCADE, related_name="extras"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    places = models.PositiveIntegerField(_("places"))

    class Meta:
        verbose_name = _("extra places")
        verbose_name_plural = _("extra places")
        constraints = [
            models.UniqueConstraint(fields=["capacity", "kind"], name="one_extra_row_per_kind"),
        ]

    def __str__(self):
        return f"{self.places} {self.get_kind_display()}"


class Usage(models.Model):
    """Places an acting (paying) municipality bought in an offer in a year. Coverage by the
    agreement is derived from these rows (SPEC §2)."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="usages"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    acting_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("acting municipality"),
        on_delete=models.PROTECT,
        related_name="usages",
    )
    places = models.DecimalField(
        _("places bought"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Average number of places bought in the year (full-year equivalents)."),
    )
    is_expected = models.BooleanField(
        _("expected"),
        default=False,
        help_text=_("Expected purchase for a planned offer, not yet actual use."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["offer__name", "-year", "acting_municipality__name"]
        verbose_name = _("usage")
        verbose_name_plural = _("usage")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "year", "acting_municipality"], name="one_usage_row_per_buyer"
            ),
        ]

    def __str__(self):
        return f"{self.offer} {self.year}: {self.acting_municipality} {self.places}"


class CoverageExemption(models.Model):
    """An explicit, recorded decision that an offer used by other municipalities is not
    covered, because bilateral agreements settle tariffs, price structure and deadlines."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="exemptions"
    )
    from_year = models.PositiveSmallIntegerField(_("from year"))
    to_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    bilateral_agreement = models.BooleanField(_("bilateral agreements in place"), default=True)
    reason = models.TextField(_("reason"))
    decided_by = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("decided on"))
    buyers = models.ManyToManyField(
        Organisation,
        verbose_name=_("buying municipalities"),
        blank=True,
        related_name="exemptions_bought",
        help_text=_("The municipalities whose bilateral agreements replace the agreement's."),
    )
    starts_on = models.DateField(_("agreement starts"), null=True, blank=True)
    ends_on = models.DateField(_("agreement ends"), null=True, blank=True)
    # Not under a public URL: only exemption_document (offers.access) sends it.
    document = models.FileField(_("agreement document"), upload_to="exemptions/%Y/", blank=True)
    document_name = models.CharField(_("document name"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["offer__name", "-from_year"]
        verbose_name = _("coverage exemption")
        verbose_name_plural = _("coverage exemptions")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_year__isnull=True) | Q(to_year__gte=models.F("from_year")),
                name="exemption_years_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.offer}: {self.from_year}–{self.to_year or ''}"

    def applies_to(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)

    def expires_within(self, today, days: int) -> bool:
        return self.ends_on is not None and today <= self.ends_on <= today + dt.timedelta(days=days)

    def has_expired(self, today) -> bool:
        return self.ends_on is not None and self.ends_on < today


class PlaceStatistic(models.Model):
    """Published places by location municipality (e.g. 2018: municipal, private, agreement)."""

    year = models.PositiveSmallIntegerField(_("year"))
    location_municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("location municipality"),
        on_delete=models.PROTECT,
        related_name="place_statistics",
    )
    municipal_places = models.PositiveIntegerField(_("municipal places"))
    private_places = models.PositiveIntegerField(_("private places"))
    agreement_places = models.PositiveIntegerField(_("places covered by the agreement"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "location_municipality__name"]
        verbose_name = _("place statistic")
        verbose_name_plural = _("place statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "location_municipality"], name="one_place_statistic_per_year"
            ),
        ]

    def __str__(self):
        return f"{self.location_municipality} {self.year}"
