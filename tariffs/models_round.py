"""What a tariff round adds to a reported tariff (SPEC §3.1, issue 15): the budgeted
occupancy, the cost lines the steering agreement asks for, the reasons given where a
component misses the reduction target, and the secretariat's return with a comment per
component. One entry per tariff; the tariff itself (its components, provisional → final)
stays the tariff of the appendix.

The cost lines (personnel, administration, buildings, other) are kept as a JSON of amounts,
not as tariff components: they explain what the tariff is made of and are not parts of the
price, so the appendix, the summary and the history of the components stay as they are."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    REPORTED = "reported", _("Reported")
    RETURNED = "returned", _("Returned for correction")


class TariffRoundEntry(models.Model):
    tariff = models.OneToOneField(
        "tariffs.Tariff",
        verbose_name=_("tariff"),
        on_delete=models.CASCADE,
        related_name="round_entry",
    )
    state = models.CharField(
        _("state in the round"),
        max_length=10,
        choices=RoundState.choices,
        default=RoundState.REPORTED,
    )
    occupancy_pct = models.DecimalField(
        _("budgeted occupancy (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # {"personnel": "1234.00", ...}: amounts in kroner as Decimal strings.
    cost_lines = models.JSONField(_("cost lines"), default=dict, blank=True)
    # {"base:": "why", "service:pakke 1": "why"}: keyed by round_calc.component_key.
    reasons = models.JSONField(_("reasons"), default=dict, blank=True)
    return_comments = models.JSONField(_("comments on return"), default=dict, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)

    class Meta:
        verbose_name = _("tariff round entry")
        verbose_name_plural = _("tariff round entries")

    def __str__(self):
        return str(self.tariff)
