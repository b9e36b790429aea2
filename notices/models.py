"""Change notices (SPEC §1, out-of-cycle changes) and development plans (SPEC §2, offers with
more than 100 places)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offers.models import Offer
from organisations.models import Organisation

from .calculations import is_breach


class NoticeKind(models.TextChoices):
    CLOSING = "closing", _("Closing of an offer")
    PLACES = "places", _("Change of places")
    TARGET_GROUP = "target_group", _("New target group")
    OTHER = "other", _("Other major change")


class ChangeNoticeQuerySet(models.QuerySet):
    def breaches(self):
        """Notices given after their decision (SPEC §1: at the latest when it is taken)."""
        return self.filter(noticed_on__gt=F("decided_on"))

    def in_time(self):
        return self.filter(noticed_on__lte=F("decided_on"))


class ChangeNotice(models.Model):
    """A party's notice of a major change to an offer outside the annual cycle."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="change_notices"
    )
    party = models.ForeignKey(
        Organisation,
        verbose_name=_("party giving notice"),
        on_delete=models.PROTECT,
        related_name="change_notices",
    )
    kind = models.CharField(_("kind of change"), max_length=20, choices=NoticeKind.choices)
    description = models.TextField(_("description of the change"))
    decided_on = models.DateField(
        _("decision date"), help_text=_("The date of the political or administrative decision.")
    )
    noticed_on = models.DateField(_("notice date"), help_text=_("The date notice was given."))
    takes_effect_on = models.DateField(_("takes effect on"), null=True, blank=True)
    places_before = models.PositiveIntegerField(_("places before"), null=True, blank=True)
    places_after = models.PositiveIntegerField(_("places after"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ChangeNoticeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-noticed_on", "-pk"]
        verbose_name = _("change notice")
        verbose_name_plural = _("change notices")
        constraints = [
            models.CheckConstraint(
                condition=Q(takes_effect_on__isnull=True) | Q(takes_effect_on__gte=F("decided_on")),
                name="notice_takes_effect_after_decision",
                violation_error_message=_("The change cannot take effect before it is decided."),
            ),
        ]

    def __str__(self):
        return f"{self.offer}: {self.get_kind_display()} ({self.noticed_on:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("notices:detail", args=[self.pk])

    @property
    def is_breach(self) -> bool:
        return is_breach(decided_on=self.decided_on, noticed_on=self.noticed_on)


class DevelopmentPlan(models.Model):
    """The development plan of an offer with more than 100 places, or its yearly follow-up
    (SPEC §2)."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="development_plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    submitted_on = models.DateField(_("submitted on"))
    summary = models.TextField(_("summary of the plan"))
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["offer__name", "-year"]
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        constraints = [
            models.UniqueConstraint(fields=["offer", "year"], name="one_plan_per_offer_year"),
        ]

    def __str__(self):
        return f"{self.offer} {self.year}"

    @property
    def is_follow_up(self) -> bool:
        return self.follow_up_of_id is not None
