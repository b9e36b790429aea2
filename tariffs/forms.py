from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.money import quantum

from .models import ComponentKind, DistributionKey, TariffUnit


def _helper(label):
    helper = FormHelper()
    helper.add_input(Submit("submit", label))
    return helper


class SplitToolForm(forms.Form):
    key = forms.ModelChoiceField(
        label=_("Distribution key"),
        queryset=DistributionKey.objects.all(),
        required=False,
        empty_label=_("— upload a key instead —"),
    )
    key_file = forms.FileField(
        label=_("…or upload a key (CSV or XLSX with the columns Part and Weight)"),
        required=False,
    )
    total = forms.DecimalField(
        label=_("Total to split (kr.)"), min_value=0, max_digits=14, decimal_places=2, localize=True
    )
    decimals = forms.TypedChoiceField(
        label=_("Round to"),
        choices=[(0, _("whole kroner")), (2, _("øre"))],
        coerce=int,
        initial=0,
    )
    save_as = forms.CharField(
        label=_("Save as financing scheme (name)"), required=False, max_length=200
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Compute the split"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("key") and not cleaned.get("key_file"):
            raise forms.ValidationError(_("Choose a distribution key or upload one."))
        if cleaned.get("save_as") and not cleaned.get("year"):
            self.add_error("year", _("A saved scheme needs a year."))
        total, decimals = cleaned.get("total"), cleaned.get("decimals") or 0
        if total is not None and total != total.quantize(quantum(decimals)):
            self.add_error("total", _("The total has more decimals than the rounding allows."))
        return cleaned


class TariffForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit"), choices=TariffUnit.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ComponentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Component"), choices=ComponentKind.choices)
    package = forms.CharField(label=_("Service package"), required=False, max_length=100)
    amount = forms.DecimalField(
        label=_("Amount (kr.)"), min_value=0, max_digits=14, decimal_places=2, localize=True
    )


ComponentFormSet = forms.formset_factory(ComponentForm, extra=3, min_num=1, validate_min=True)


class MixedFinancingForm(forms.Form):
    objective_share = forms.DecimalField(
        label=_("Objective share (e.g. 0,60)"),
        min_value=0,
        max_value=1,
        decimal_places=4,
        localize=True,
    )
    objective_financing = forms.DecimalField(
        label=_("Objective financing (kr.)"), required=False, min_value=0, localize=True
    )
    total_budget = forms.DecimalField(
        label=_("…or total budget (kr.)"), required=False, min_value=0, localize=True
    )
    expected_cases = forms.IntegerField(label=_("Expected cases"), min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Calculate"))
        self.helper.form_method = "get"

    def clean(self):
        cleaned = super().clean()
        given = [cleaned.get("objective_financing"), cleaned.get("total_budget")]
        if sum(value is not None for value in given) != 1:
            raise forms.ValidationError(
                _("Give either the objective financing or the total budget, not both.")
            )
        return cleaned
