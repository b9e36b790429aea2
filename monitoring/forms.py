from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CohortRule


class UploadForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=_("Citizen list (CSV or XLSX)"),
        help_text=_(
            "Columns: borger, kommune, tilbud, maaned (YYYY-MM, from 2000), udgift. In borger "
            "write either a CPR number alone (DDMMYY-NNNN or ten digits), which is replaced by a "
            "keyed code on import and never stored, or a pseudonymous id: it starts with a "
            "letter and has 2–64 letters, digits, -, _ or . with at most 8 digits in a row (e.g. "
            "ps-0001234). Any other key, such as a CPR number with text around it, is refused."
        ),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.helper = FormHelper()
        self.helper.add_input(Submit("upload", _("Upload")))


class RunForm(forms.Form):
    measure_year = forms.IntegerField(
        label=_("Measurement year (January)"), min_value=2017, max_value=2100
    )
    cohort = forms.ChoiceField(label=_("Cohort rule"), choices=CohortRule.choices)
    defining_to = forms.IntegerField(
        label=_("Fixed cohort: defining years 2016 to"),
        required=False,
        min_value=2016,
        max_value=2100,
    )
    all_offers = forms.BooleanField(
        label=_("Count all offers, not only covered ones"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("run", _("Run the analysis")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cohort") == CohortRule.FIXED and not cleaned.get("defining_to"):
            self.add_error("defining_to", _("A fixed cohort needs its defining years."))
        return cleaned
