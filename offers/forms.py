from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from socialaftale.lib.edits import EditTokenField, EditTokenMixin
from socialaftale.lib.formfields import BoundedModelMultipleChoiceField, DanishDateField

from .models import CoverageExemption, Offer
from .services_exemptions import EDITABLE as EXEMPTION_FIELDS
from .services_exemptions import check_document
from .services_usage import UsageValue


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


class OfferUsageForm(forms.Form):
    """One row per municipality: places bought in the offer in the year and whether they are
    expected rather than actual. An empty field means none."""

    edit_token = EditTokenField()

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = list(municipalities)
        for municipality in self.municipalities:
            self.fields[f"places_{municipality.pk}"] = forms.DecimalField(
                label=_("Places bought by %(name)s") % {"name": municipality.short_name},
                required=False,
                min_value=0,
                max_value=Decimal("999999.99"),
                max_digits=8,
                decimal_places=2,
                localize=True,
            )
            self.fields[f"expected_{municipality.pk}"] = forms.BooleanField(
                label=_("Expected (%(name)s)") % {"name": municipality.short_name},
                required=False,
            )

    def rows(self):
        """For the template: (municipality, places field, expected field) per row."""
        return [(m, self[f"places_{m.pk}"], self[f"expected_{m.pk}"]) for m in self.municipalities]

    def values(self) -> dict:
        result = {}
        for municipality in self.municipalities:
            places = self.cleaned_data.get(f"places_{municipality.pk}")
            expected = self.cleaned_data.get(f"expected_{municipality.pk}", False)
            result[municipality.pk] = (
                None if places is None else UsageValue(places=places, is_expected=expected)
            )
        return result


class ExemptionForm(EditTokenMixin, forms.ModelForm):
    """An exemption's agreement: the buying municipalities, its dates and its document."""

    starts_on = DanishDateField(label=_("Agreement starts"), help_text=_("E.g. 01.01.2025."))
    ends_on = DanishDateField(
        label=_("Agreement ends"),
        required=False,
        help_text=_("Leave empty if the agreement has no end date. The exemption expires then."),
    )
    decided_on = DanishDateField(label=_("Decided on"))

    class Meta:
        model = CoverageExemption
        fields = EXEMPTION_FIELDS
        field_classes = {"buyers": BoundedModelMultipleChoiceField}
        widgets = {
            "buyers": forms.CheckboxSelectMultiple,
            "reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buyers"].queryset = (
            Organisation.objects.municipalities().exclude(pk=offer.operator_id).order_by("name")
        )
        self.fields["buyers"].required = True
        self.fields["reason"].max_length = 2000
        self.fields["document"] = forms.FileField(
            label=_("Agreement document (PDF)"),
            required=False,
            help_text=_("At most 10 MB. A new file replaces the stored one."),
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            check_document(document)
        return document
