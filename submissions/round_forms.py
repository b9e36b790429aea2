"""Forms for the secretariat's round management (the questionnaire's forms are in forms.py)."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from offers.models import Offer
from organisations.models import OrganisationUnit

from .kinds import kind_choices
from .models import ReportingRound


def parse_reminder_days(text: str) -> list[int]:
    """ "-7, -1, +3" -> [-7, -1, 3]: days before (-) or after (+) the deadline; a Danish
    message for anything else."""
    text = text.replace("−", "-")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not all(re.fullmatch(r"[+-]?\d{1,3}", part) for part in parts):
        raise forms.ValidationError(_("Write whole numbers of days separated by commas."))
    return sorted({int(part) for part in parts})


class RoundForm(forms.ModelForm):
    reminder_days = forms.CharField(
        label=_("Reminders (days relative to the deadline)"),
        initial="-14, -3, 1",
        help_text=_("Comma-separated, e.g. “-14, -3, 1”: 14 and 3 days before and 1 day after."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units that must submit"),
        queryset=OrganisationUnit.objects.filter(reports_separately=True).select_related(
            "organisation"
        ),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ReportingRound
        fields = ["kind", "year", "title", "opens_on", "deadline", "reminder_days", "units"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "deadline": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only kinds that have a form (a questionnaire or another app's hand-in page).
        self.fields["kind"].choices = kind_choices()
        # The agreement's parties must submit by default; units outside it (Silkeborg and
        # Region Midtjylland are in Socialtilsyn Nord's area only) are there to add by hand.
        self.fields["units"].initial = [
            unit for unit in self.fields["units"].queryset if unit.organisation.party_to_agreement
        ]
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Create round")))

    def clean_reminder_days(self):
        return parse_reminder_days(self.cleaned_data["reminder_days"])


class ExtendForm(forms.Form):
    deadline = forms.DateField(
        label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ProposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("confirm", _("Create as a new offer")),
            ("merge", _("Merge with an existing offer")),
            ("reject", _("Reject")),
        ],
    )
    offer = forms.ModelChoiceField(
        label=_("Existing offer (when merging)"), queryset=Offer.objects.all(), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "merge" and not cleaned.get("offer"):
            self.add_error("offer", _("Choose the offer to merge with."))
        return cleaned
