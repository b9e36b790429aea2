"""The forms of the year's round: the secretariat opens it; the operator writes one annual
report per member (a draft may be incomplete: what blocks hand-in is reports.missing_fields)."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from offers.models import PlaceKind
from socialaftale.lib.cpr import has_cpr_like, mask_cpr
from socialaftale.lib.danish import format_decimal, parse_decimal
from socialaftale.lib.edits import TOKEN_NAME, EditTokenField
from socialaftale.lib.formfields import DanishDateField
from submissions.round_forms import parse_reminder_days

from .reports import DEMAND_CHOICES, LABELS, TEXT_FIELDS, occupancy

MAX_TEXT = 5000
MAX_PLACES = 10_000
MAX_OCCUPANCY = Decimal(200)
PLACE_KINDS = (
    (PlaceKind.RESIDENTIAL, PlaceKind.RESIDENTIAL.label),
    (PlaceKind.DAY, PlaceKind.DAY.label),
    (PlaceKind.RESPITE, PlaceKind.RESPITE.label),
    (PlaceKind.ACUTE, PlaceKind.ACUTE.label),
    (PlaceKind.UNSPECIFIED, _("Other places")),
)
CPR_MESSAGE = _(
    "Write no CPR numbers or other long digit sequences that could identify a person "
    "(nine or more digits in a row). The digits have been masked: correct the text."
)
HELP = {
    "development": _("What happened in the offer in the past year."),
    "target_groups": _("Who the offer serves now: ages, needs, and how this has changed."),
    "planned_changes": _("Optional: changes the operator plans for the offer."),
}


def _text(label, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=MAX_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _place_field(name) -> str:
    return f"places_{name}"


class ReportForm(forms.Form):
    """One member's annual report. Every field may be left empty in a draft."""

    occupancy_pct = forms.CharField(
        label=LABELS["occupancy_pct"],
        required=False,
        max_length=20,
        help_text=_("The average occupancy in the past year, e.g. 96,5."),
    )
    demand = forms.ChoiceField(  # under the fieldset "Demand": its label says what is chosen
        label=_("Demand is"), required=False, choices=(("", "–"), *DEMAND_CHOICES)
    )
    demand_text = _text(
        LABELS["demand_text"],
        _("Required before hand-in when demand is rising or falling: what has changed, and why."),
    )

    def __init__(self, *args, token="", **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in TEXT_FIELDS:
            self.fields[code] = _text(label, HELP.get(code, ""))
        for kind, label in PLACE_KINDS:
            self.fields[_place_field(kind)] = forms.IntegerField(
                label=label, required=False, min_value=0, max_value=MAX_PLACES
            )
        self.fields[TOKEN_NAME] = EditTokenField(initial=token)
        self.helper = FormHelper()
        self.helper.form_tag = False

    @property
    def place_fields(self):
        return [self[_place_field(kind)] for kind, _label in PLACE_KINDS]

    @property
    def text_fields(self):
        return [self[code] for code, _label in TEXT_FIELDS]

    def clean_occupancy_pct(self):
        text = self.cleaned_data["occupancy_pct"].strip()
        if not text:
            return None
        try:
            value = parse_decimal(text)
        except ValueError:
            raise forms.ValidationError(
                _("Write the occupancy as a number, e.g. 96,5."), code="invalid"
            ) from None
        if not (Decimal(0) <= value <= MAX_OCCUPANCY) or value.as_tuple().exponent < -2:
            raise forms.ValidationError(
                _("The occupancy must be between 0 and 200 %, with at most two decimals."),
                code="range",
            )
        return value

    def clean(self):
        cleaned = super().clean()
        for name in list(self.fields):
            if has_cpr_like(str(self.data.get(self.add_prefix(name), "") or "")):
                self._refuse_cpr(name)
        return cleaned

    def _refuse_cpr(self, name: str) -> None:
        """The page shows the value again with the digits masked: never echoed as typed."""
        data = self.data.copy()
        data[self.add_prefix(name)] = mask_cpr(data.get(self.add_prefix(name), ""))
        self.data = data
        if name == TOKEN_NAME:  # a hidden field: the save is refused as stale instead
            return
        if name in self.errors:
            del self.errors[name]
        self.add_error(name, CPR_MESSAGE)

    def report(self) -> dict:
        """The report as stored (reports.empty_report's shape)."""
        data = self.cleaned_data
        pct = data.get("occupancy_pct")
        return {
            **{code: data.get(code, "").strip() for code, _label in TEXT_FIELDS},
            "occupancy_pct": "" if pct is None else str(pct),
            "places": [
                {"kind": str(kind), "places": data[_place_field(kind)]}
                for kind, _label in PLACE_KINDS
                if data.get(_place_field(kind))
            ],
            "demand": data.get("demand", ""),
            "demand_text": data.get("demand_text", "").strip(),
        }


def initial_of(report: dict) -> dict:
    """A stored report as the form's initial values (occupancy with a decimal comma)."""
    initial = {code: report.get(code, "") for code, _label in TEXT_FIELDS}
    value = occupancy(report)
    if value is not None:
        initial["occupancy_pct"] = format_decimal(value, max(0, -value.as_tuple().exponent))
    initial["demand"] = report.get("demand", "")
    initial["demand_text"] = report.get("demand_text", "")
    for row in report.get("places") or []:
        initial[_place_field(row.get("kind", ""))] = row.get("places")
    return initial


class YearRoundForm(forms.Form):
    """The secretariat opens the year's round (annual reports and nominations)."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    opens_on = DanishDateField(label=_("Opens on"))
    deadline = DanishDateField(label=_("Deadline"))
    reminder_days = forms.CharField(
        label=_("Reminders (days relative to the deadline)"),
        initial="-14, -3, 1",
        max_length=100,
        help_text=_("Comma-separated, e.g. “-14, -3, 1”: 14 and 3 days before and 1 day after."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("open", _("Open the round")))

    def clean_reminder_days(self):
        return parse_reminder_days(self.cleaned_data["reminder_days"])

    def clean(self):
        cleaned = super().clean()
        opens_on, deadline = cleaned.get("opens_on"), cleaned.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", _("The deadline must be on or after the opening day."))
        return cleaned
