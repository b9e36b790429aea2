"""The annual cycle (årshjul, SPEC §1, issue 13): the year's fixed events, generated per year
from definitions the secretariat edits, each linked to the round, meeting or document that
fulfils it.

Dates: the event of year Y starts on (start month, start day) of Y and is due on (due month,
due day) of Y + year_offset (a span that crosses the new year). A definition with an ISO week
(the week-5 forms) runs Monday to Friday of that week of Y + year_offset instead. A single
deadline has the same start and due day."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from documents.models import GeneratedDocument
from meetings.models import Meeting
from organisations.models import Role
from submissions.models import ReportingRound

MONTH = [MinValueValidator(1), MaxValueValidator(12)]
DAY = [MinValueValidator(1), MaxValueValidator(31)]
# The audience flags and the role each stands for (the secretariat sees every event).
AUDIENCE = {
    "for_reporters": Role.REPORTER,
    "for_operators": Role.OPERATOR,
    "for_body_members": Role.BODY_MEMBER,
    "for_expert_panel": Role.EXPERT_PANEL,
}


class LinkKind(models.TextChoices):
    ROUND = "round", _("Reporting round")
    MEETING = "meeting", _("Meeting")
    DOCUMENT = "document", _("Document")
    NONE = "none", _("Nothing")


class CycleDefinition(models.Model):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_month = models.PositiveSmallIntegerField(_("start month"), validators=MONTH)
    start_day = models.PositiveSmallIntegerField(_("start day"), validators=DAY)
    due_month = models.PositiveSmallIntegerField(_("due month"), validators=MONTH)
    due_day = models.PositiveSmallIntegerField(_("due day"), validators=DAY)
    year_offset = models.PositiveSmallIntegerField(
        _("due years later"),
        default=0,
        validators=[MaxValueValidator(1)],
        help_text=_("1 if the deadline falls in the following year."),
    )
    iso_week = models.PositiveSmallIntegerField(
        _("ISO week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("If set, the event runs Monday to Friday of this week instead."),
    )
    for_reporters = models.BooleanField(_("municipality reporters"), default=False)
    for_operators = models.BooleanField(_("operators"), default=False)
    for_body_members = models.BooleanField(_("members of DAS/KKR"), default=False)
    for_expert_panel = models.BooleanField(_("the expert panel"), default=False)
    link_kind = models.CharField(
        _("fulfilled by"), max_length=10, choices=LinkKind.choices, default=LinkKind.NONE
    )
    link_target = models.CharField(
        _("which"),
        max_length=100,
        blank=True,
        help_text=_(
            "The round's kind (e.g. tariff_reporting), the meeting's body (e.g. das) or the "
            "document's kind (e.g. tariffs.tariff_appendix): used to link automatically."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("definition of the annual cycle")
        verbose_name_plural = _("definitions of the annual cycle")
        ordering = ["position", "code"]

    def __str__(self):
        return self.title

    @property
    def audience(self) -> list[str]:
        return [str(role) for flag, role in AUDIENCE.items() if getattr(self, flag)]


class CycleEvent(models.Model):
    definition = models.ForeignKey(
        CycleDefinition,
        verbose_name=_("definition"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("reporting round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        GeneratedDocument,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event of the annual cycle")
        verbose_name_plural = _("events of the annual cycle")
        ordering = ["starts_on", "due_on", "definition__position"]
        constraints = [
            models.UniqueConstraint(fields=["definition", "year"], name="cycle_event_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("starts_on")), name="cycle_event_span"
            ),
        ]

    def __str__(self):
        return f"{self.definition.title} {self.year}"
