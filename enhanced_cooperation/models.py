"""The enhanced cooperation (det forstærkede samarbejde, SPEC §6): the highly specialised
offers the municipalities protect together, chosen by the expert panel for two-year periods.

A member's yearly annual report is a submission of the round engine (kind "annual_report",
handed in by the operator; its answers hold one report per member, see reports.py). Here are
the periods, the members, nominations of new offers, the panel's remarks, exits and early
joint action. Decisions name their body and meeting as text: the meetings app is above this
one."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offers.models import Offer
from organisations.models import Organisation
from submissions.models import ReportingRound


class Criterion(models.TextChoices):
    """The four criteria of SPEC §6, in this order everywhere."""

    TARGET_GROUP = "target_group", _("Target group")
    COMPETENCES = "competences", _("Competences")
    PROFILE = "profile", _("Specialisation profile")
    ONLY_OFFER = "only_offer", _("The only offer of its kind in the region")


class DecisionBody(models.TextChoices):
    EXPERT_PANEL = "ekspertpanelet", _("The expert panel")
    DAS = "DAS", _("DAS")
    KKR = "KKR", _("KKR")


def default_rights_and_duties() -> str:
    return str(
        _(
            "Protected competitive conditions: the acting municipalities support the offer's "
            "economy and do not build competing offers without a prior dialogue.\n"
            "Binding dialogue on demand and supply: operator and municipalities meet each year "
            "on the expected demand and the offer's capacity.\n"
            "Duty to join early joint action: when the offer's sustainability is at risk, the "
            "operator and the municipalities act together early."
        )
    )


class Period(models.Model):
    """A period of the cooperation (two years from 2019), with its rights and duties."""

    start_year = models.PositiveSmallIntegerField(_("first year"), unique=True)
    end_year = models.PositiveSmallIntegerField(_("last year"))
    rights_and_duties = models.TextField(
        _("rights and duties"),
        default=default_rights_and_duties,
        help_text=_("One right or duty per line; shown on every member's page."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="ec_period_in_order"
            ),
        ]

    def __str__(self):
        return f"{self.start_year}–{self.end_year}"

    @property
    def slug(self) -> str:
        """ "2019-2020", as the command line prints it."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def label(self) -> str:
        return _("The enhanced cooperation %(period)s") % {"period": self}

    @property
    def rights_and_duties_lines(self) -> list[str]:
        return [line.strip() for line in self.rights_and_duties.splitlines() if line.strip()]

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class MemberQuerySet(models.QuerySet):
    def in_year(self, year: int):
        """Members of the period that holds `year` that had not left before it began."""
        return self.filter(period__start_year__lte=year, period__end_year__gte=year).filter(
            Q(ends_on__isnull=True) | Q(ends_on__year__gte=year)
        )

    def reporting(self, year: int):
        """Members of `year` asked for annual reports: those that have not given notice of
        leaving (a withdrawn notice does not count)."""
        return self.in_year(year).exclude(exit__status__in=[ExitStatus.NOTICED, ExitStatus.DECIDED])

    def current(self, on):
        """Members on the day `on`."""
        return self.filter(period__start_year__lte=on.year, period__end_year__gte=on.year).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )


class Member(models.Model):
    """An offer's membership for one period: the criteria as the expert panel assessed them,
    the decision that admitted it, and its end when it left. One member may cover several
    offers of the register (Fagcenter for Autisme og ADHD: Viften and Birken)."""

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="members"
    )
    name = models.CharField(_("name"), max_length=200)
    offers = models.ManyToManyField(Offer, verbose_name=_("offers"), related_name="ec_memberships")
    target_group = models.TextField(_("target group"), blank=True)
    criterion_target_group = models.TextField(_("target group (justification)"), blank=True)
    criterion_competences = models.TextField(_("competences (justification)"), blank=True)
    criterion_profile = models.TextField(_("specialisation profile (justification)"), blank=True)
    criterion_only_offer = models.TextField(
        _("the only offer of its kind (justification)"), blank=True
    )
    decided_by = models.CharField(
        _("decided by"), max_length=20, choices=DecisionBody.choices, blank=True
    )
    decision_meeting = models.CharField(
        _("meeting"), max_length=200, blank=True, help_text=_("e.g. DAS 21 May 2019, item 6")
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    ends_on = models.DateField(_("left on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for leaving"), blank=True)

    objects = MemberQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[offers])

    class Meta:
        ordering = ["period", "name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(fields=["period", "name"], name="ec_one_member_per_name"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | ~Q(end_reason=""),
                name="ec_member_end_has_reason",
                violation_error_message=_("Give the reason when a member leaves."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.period})"

    def get_absolute_url(self):
        return reverse("enhanced_cooperation:member", args=[self.pk])

    def criteria(self) -> list[tuple[str, str]]:
        """(criterion label, justification) in the order of Criterion."""
        return [
            (Criterion.TARGET_GROUP.label, self.criterion_target_group),
            (Criterion.COMPETENCES.label, self.criterion_competences),
            (Criterion.PROFILE.label, self.criterion_profile),
            (Criterion.ONLY_OFFER.label, self.criterion_only_offer),
        ]

    def is_member_on(self, day) -> bool:
        return self.period.covers(day.year) and (self.ends_on is None or self.ends_on >= day)


class ExitStatus(models.TextChoices):
    NOTICED = "noticed", _("Notice given")
    DECIDED = "decided", _("Exit decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Exit(models.Model):
    """Notice that a member leaves (by its operator or by DAS), decided by DAS together with
    the October tariff appendix; the decision ends the membership on the decided date."""

    member = models.OneToOneField(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="exit"
    )
    given_by = models.ForeignKey(
        Organisation,
        verbose_name=_("notice given by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("The operator; empty when DAS gave notice."),
    )
    noticed_on = models.DateField(_("notice date"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=ExitStatus.choices, default=ExitStatus.NOTICED
    )
    decision_meeting = models.CharField(_("meeting"), max_length=200, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    ends_on = models.DateField(_("membership ends on"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exit")
        verbose_name_plural = _("exits")

    def __str__(self):
        return f"{self.member}: {self.get_status_display()}"


class NominationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    ASSESSED = "assessed", _("Assessed by the expert panel")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Not admitted")


class Nomination(models.Model):
    """A municipality's or operator's nomination of an offer for the cooperation, in a
    round's spring window: which criteria it meets and why (`claims`: criterion -> {"meets":
    bool, "why": text}); the panel's assessment per criterion (`assessment`: criterion ->
    {"met": bool | None, "text": text}); the secretariat's decision."""

    round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("round"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="ec_nominations"
    )
    nominated_by = models.ForeignKey(
        Organisation,
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        related_name="ec_nominations",
    )
    claims = models.JSONField(_("criteria met, and why"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("received"))
    receipt_code = models.CharField(_("receipt number"), max_length=40, unique=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NominationStatus.choices,
        default=NominationStatus.SUBMITTED,
    )
    assessment = models.JSONField(_("the expert panel's assessment"), default=dict, blank=True)
    assessed_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    member = models.OneToOneField(
        Member,
        verbose_name=_("membership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nomination",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return f"{self.offer} ({self.nominated_by})"

    def get_absolute_url(self):
        return reverse("enhanced_cooperation:nomination", args=[self.pk])


class Remark(models.Model):
    """A panel member's remarks ("Bemærkninger") on one member's annual report in a round or
    on one nomination. Panel members see each other's drafts; the chair marks the remarks on
    a subject final, after which nobody edits them."""

    round = models.ForeignKey(
        ReportingRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="remarks",
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="remarks",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("remarks"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    is_final = models.BooleanField(_("final"), default=False)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked final by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finalised_at = models.DateTimeField(_("marked final"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("remark")
        verbose_name_plural = _("remarks")
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True, nomination__isnull=False)
                | Q(member__isnull=False, nomination__isnull=True),
                name="ec_remark_has_one_subject",
            ),
            models.UniqueConstraint(
                fields=["round", "member", "author"],
                condition=Q(member__isnull=False),
                name="ec_one_report_remark_per_author",
            ),
            models.UniqueConstraint(
                fields=["nomination", "author"],
                condition=Q(nomination__isnull=False),
                name="ec_one_nomination_remark_per_author",
            ),
        ]

    def __str__(self):
        return f"{self.member or self.nomination}: {self.author}"


class JointActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class JointAction(models.Model):
    """Early joint action (tidlig fælles indsats) for a member whose demand is falling."""

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="joint_actions"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    opened_on = models.DateField(_("opened on"))
    reason = models.TextField(_("reason"), help_text=_("The signals of falling demand."))
    status = models.CharField(
        _("status"), max_length=10, choices=JointActionStatus.choices, default="open"
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("early joint action")
        verbose_name_plural = _("early joint actions")

    def __str__(self):
        return f"{self.member.name} {self.year}"

    def get_absolute_url(self):
        return reverse("enhanced_cooperation:joint_action", args=[self.pk])


class JointActionDecision(models.Model):
    action = models.ForeignKey(
        JointAction,
        verbose_name=_("joint action"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    decided_on = models.DateField(_("decided on"))
    decided_by = models.CharField(_("decided by"), max_length=200)
    text = models.TextField(_("decision"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.action}: {self.decided_on}"
