import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisations.models import OrganisationUnit


class RoundKind(models.TextChoices):
    DEMAND_CAPACITY = "demand_capacity", _("Demand and capacity")
    CITIZEN_LIST = "citizen_list", _("Citizen list")
    TARIFF_REPORTING = "tariff_reporting", _("Tariff reporting")
    ANNUAL_REPORT = "annual_report", _("Enhanced cooperation: annual report")
    NOMINATION = "nomination", _("Enhanced cooperation: nomination")
    REASSESSMENT = "reassessment", _("Enhanced cooperation: re-assessment of the members")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def default_reminder_days():
    return [-14, -3, 1]


class ReportingRound(models.Model):
    """A yearly round in which units hand something in before a deadline."""

    kind = models.CharField(_("kind"), max_length=30, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    reminder_days = models.JSONField(
        _("reminders (days relative to the deadline)"),
        default=default_reminder_days,
        help_text=_("e.g. [-14, -3, 1]: 14 and 3 days before, 1 day after the deadline"),
    )
    form_version = models.CharField(_("form version"), max_length=50, blank=True)
    units = models.ManyToManyField(
        OrganisationUnit, verbose_name=_("units that must submit"), related_name="rounds"
    )

    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        ordering = ["-year", "-deadline"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")), name="deadline_after_opening"
            ),
            models.UniqueConstraint(fields=["kind", "year", "title"], name="unique_round_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("submissions:round", args=[self.pk])

    def clean(self):
        days = self.reminder_days
        if not isinstance(days, list) or not all(isinstance(d, int) for d in days):
            raise ValidationError({"reminder_days": _("A list of whole numbers of days.")})


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REOPENED = "reopened", _("Reopened")
    ACCEPTED = "accepted", _("Accepted")


class Submission(models.Model):
    """A unit's submission in a round: the working copy of its answers (a draft saved on every
    step) plus its status. Every submitted state is kept as a SubmissionVersion."""

    round = models.ForeignKey(
        ReportingRound,
        verbose_name=_("round"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    form_version = models.CharField(_("form version"), max_length=50, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    last_step = models.CharField(_("last step"), max_length=50, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    last_activity_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last activity by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    class Meta:
        ordering = ["round", "unit__code"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="one_submission_per_unit"),
        ]

    def __str__(self):
        return f"{self.round}: {self.unit}"

    def get_absolute_url(self):
        return reverse("submissions:submission", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.REOPENED)


def answers_checksum(answers: dict) -> str:
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class SubmissionVersion(models.Model):
    """An immutable copy of what was submitted, with its receipt."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    form_version = models.CharField(_("form version"), max_length=50)
    answers = models.JSONField(_("answers"))
    checksum = models.CharField(_("checksum (SHA-256)"), max_length=64)
    receipt_code = models.CharField(_("receipt number"), max_length=40, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["submission", "-number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="one_number_per_version"),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"

    def save(self, *args, **kwargs):
        # Invariant, not a workflow: a submitted version is evidence and never changes.
        if self.pk is not None:
            raise ValidationError(_("A submitted version cannot be changed."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("submissions:version", args=[self.submission_id, self.number])


class MailKind(models.TextChoices):
    REMINDER = "reminder", _("Scheduled reminder")
    MANUAL = "manual", _("Reminder sent by the secretariat")
    RECEIPT = "receipt", _("Receipt")
    REOPENED = "reopened", _("Reopened")
    INVITATION = "invitation", _("Invitation")


class MailDelivery(models.TextChoices):
    SENT = "sent", _("Sent")
    PENDING = "pending", _("Waiting to be sent again")
    FAILED = "failed", _("Could not be sent")
    # Nobody of the unit has an e-mail address: logged so the board says so (not "sent").
    NO_ADDRESS = "no_address", _("Not sent: no e-mail address")


class MailLog(models.Model):
    """Every e-mail the rounds send. A scheduled reminder step is sent once per unit."""

    round = models.ForeignKey(
        ReportingRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="mails"
    )
    unit = models.ForeignKey(OrganisationUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    kind = models.CharField(_("kind"), max_length=10, choices=MailKind.choices)
    step = models.SmallIntegerField(
        _("reminder step (days relative to the deadline)"), null=True, blank=True
    )
    recipients = models.TextField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=300)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    # The outbox: a mail the mail server refused is kept with its body and sent again by the
    # job sweep (socialaftale.lib.jobs), until MAIL_MAX_ATTEMPTS.
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=MailDelivery.choices, default=MailDelivery.SENT
    )
    body = models.TextField(_("message text"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    # Who of the unit the mail could not reach, and why: [{"name": …, "reason": …}], stored by
    # the send so the board and the e-mail log can say it later (also for a send in a task).
    not_reached = models.JSONField(_("not reached"), default=list, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "step"],
                condition=Q(kind="reminder"),
                name="one_scheduled_reminder_per_step",
            ),
        ]

    def __str__(self):
        return f"{self.sent_at:%Y-%m-%d %H:%M} {self.subject}"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the secretariat")
    CONFIRMED = "confirmed", _("Confirmed as a new offer")
    MERGED = "merged", _("Merged with an existing offer")
    REJECTED = "rejected", _("Rejected")


class OfferProposal(models.Model):
    """A new (B3) or planned (B4) offer reported in a submission, for the secretariat to confirm
    into the offer register or merge with an offer already there."""

    version = models.ForeignKey(
        SubmissionVersion,
        verbose_name=_("submitted version"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    question = models.CharField(_("question"), max_length=5)
    name = models.CharField(_("name"), max_length=200)
    target_group = models.CharField(_("target group"), max_length=300, blank=True)
    places_as_written = models.CharField(_("places as written"), max_length=200, blank=True)
    covered_claim = models.BooleanField(_("reported as covered"), null=True)
    planned_year = models.PositiveSmallIntegerField(_("planned year"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
    )
    offer = models.ForeignKey(
        "offers.Offer",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["status", "name"]
        verbose_name = _("offer proposal")
        verbose_name_plural = _("offer proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="pending") | Q(status="rejected") | Q(offer__isnull=False),
                name="decided_proposal_points_at_an_offer",
            ),
        ]

    def __str__(self):
        return f"{self.question}: {self.name}"
