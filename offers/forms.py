from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenField, EditTokenMixin

from .models import Offer


class OfferForm(EditTokenMixin, forms.ModelForm):
    class Meta:
        model = Offer
        fields = [
            "name",
            "operator",
            "location_municipality",
            "status",
            "replaces",
            "target_group_text",
            "age_group",
            "target_groups",
            "can_handle",
            "cannot_handle",
            "legal_basis_text",
            "legal_bases",
            "service_types",
            "opening_year",
            "opening_month",
            "description",
            "notes",
        ]
        widgets = {
            "target_group_text": forms.Textarea(attrs={"rows": 2}),
            "can_handle": forms.Textarea(attrs={"rows": 2}),
            "cannot_handle": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "target_groups": forms.CheckboxSelectMultiple,
            "service_types": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class CapacityForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    as_written = forms.CharField(
        label=_("Places as written"),
        max_length=200,
        required=False,
        help_text=_("Write it as you would in a report, e.g. “14 + 4 aflastningspladser”."),
    )
    occupancy_pct = forms.DecimalField(
        label=_("Occupancy (%)"),
        required=False,
        min_value=0,
        max_value=200,
        decimal_places=1,
        localize=True,
    )
    edit_token = EditTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's <form> also holds the plausibility check
        self.helper.add_input(Submit("save", _("Save")))


class OfferImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"), help_text=_("The columns of the published offer list.")
    )
    year = forms.IntegerField(label=_("Year of the places"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("import", _("Import")))


class UsageImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("Columns tilbud, kommune, pladser and optionally forventet (ja/nej)."),
    )
    year = forms.IntegerField(label=_("Year of the usage"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("import", _("Import")))
