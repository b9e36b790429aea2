from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganisationKind(models.TextChoices):
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Municipality")
    PRIVATE = "private", _("Private operator")


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=OrganisationKind.MUNICIPALITY)

    def regions(self):
        return self.filter(kind=OrganisationKind.REGION)

    def parties(self):
        return self.filter(party_to_agreement=True)


class Organisation(models.Model):
    """A region, a municipality or a private operator.

    Regions and municipalities carry their Danmarks Statistik code (e.g. 851 for Aalborg);
    private operators have none.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    code = models.CharField(_("DST code"), max_length=10, unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=100)
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipalities",
        limit_choices_to={"kind": OrganisationKind.REGION},
    )
    party_to_agreement = models.BooleanField(_("party to the agreement"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="private") | Q(code__isnull=False),
                name="public_organisation_has_code",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_region(self):
        return self.kind == OrganisationKind.REGION

    @property
    def is_municipality(self):
        return self.kind == OrganisationKind.MUNICIPALITY


class OrganisationUnit(models.Model):
    """A unit that reports to the secretariat, e.g. Aalborg's two administrations.

    Every municipality and region has a default unit whose code is its DST code; sub-units
    add a suffix ("851-FB", "851-AEH").
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="units"
    )
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(_("default unit"), default=False)
    reports_separately = models.BooleanField(_("reports separately"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(is_default=True),
                name="one_default_unit_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"


class SupervisionArea(models.Model):
    """The municipalities a social supervision authority covers and that finance it.

    Socialtilsyn Nord: North Jutland except Hjørring (its host), plus Silkeborg.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host municipality"),
        on_delete=models.PROTECT,
        related_name="hosted_supervision_areas",
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("members"), related_name="supervision_areas"
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supervision area")
        verbose_name_plural = _("supervision areas")

    def __str__(self):
        return self.name


class PopulationFigure(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="population_figures",
    )
    reference_date = models.DateField(_("reference date"))
    age_band = models.CharField(_("age band"), max_length=20, help_text=_("e.g. 'all' or '0-17'"))
    count = models.PositiveIntegerField(_("count"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "-reference_date", "age_band"]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference_date", "age_band"],
                name="one_population_figure_per_date_and_band",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.count} ({self.age_band}, {self.reference_date})"


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    REPORTER = "reporter", _("Municipality reporter")
    OPERATOR = "operator", _("Operator")
    BODY_MEMBER = "body_member", _("Member of DAS/KKR")
    EXPERT_PANEL = "expert_panel", _("Expert panel")


class Body(models.TextChoices):
    DAS = "DAS", _("The Administrative Steering Group (DAS)")
    KKR = "KKR", _("KKR North Jutland")


class Membership(models.Model):
    """What a user may do: one row per role. A reporter is bound to one unit, an operator
    to one organisation, a body member to one body."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        OrganisationUnit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    body = models.CharField(_("body"), max_length=10, choices=Body.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="reporter") | Q(unit__isnull=False),
                name="reporter_has_unit",
            ),
            models.CheckConstraint(
                condition=~Q(role="operator") | Q(organisation__isnull=False),
                name="operator_has_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(role="body_member") | ~Q(body=""),
                name="body_member_has_body",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.label}"

    @property
    def label(self) -> str:
        """What the membership makes its user: "Medlem af DAS", "Driftsherre, Aalborg Kommune"."""
        if self.role == Role.BODY_MEMBER:
            return _("Member of %(body)s") % {"body": self.body}
        target = self.unit or self.organisation
        return f"{self.get_role_display()}, {target}" if target else str(self.get_role_display())
