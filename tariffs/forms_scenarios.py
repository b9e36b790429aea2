"""The form a secretariat member makes or changes a what-if scenario of a financing scheme
with: a new total, a price index factor, the key (today's or population figures), parties
added or removed."""

import datetime as dt

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import (
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
    FreeTextField,
)
from socialaftale.lib.money import quantum

from .models import PriceIndex, ScenarioKeyBasis
from .selectors.scenarios import population_choices
from .services_scenarios import ScenarioChanges


class ScenarioForm(forms.Form):
    name = FreeTextField(label=_("Name of the scenario"), max_length=200, rows=1)
    new_total = forms.DecimalField(
        label=_("New total (kr.)"),
        help_text=_("Leave empty to keep the scheme's total."),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
    )
    price_index = BoundedModelChoiceField(
        label=_("Price index"),
        queryset=PriceIndex.objects.all(),
        required=False,
        empty_label=_("— no indexation —"),
    )
    price_factor = forms.DecimalField(
        label=_("…or a price index factor"),
        help_text=_("e.g. 1,0159 for 2018 → 2019 prices"),
        required=False,
        min_value=0,
        max_value=10,
        max_digits=8,
        decimal_places=5,
        localize=True,
    )
    key_basis = forms.ChoiceField(
        label=_("Distribution key"),
        choices=ScenarioKeyBasis.choices,
        widget=forms.RadioSelect,
        initial=ScenarioKeyBasis.CURRENT,
    )
    population = forms.ChoiceField(label=_("Population figures"), required=False)
    removed = BoundedModelMultipleChoiceField(
        label=_("Remove parties"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    added = BoundedModelMultipleChoiceField(
        label=_("Add parties (weighted by the population figures chosen)"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    edit_token = EditTokenField()

    def __init__(self, *args, scheme, today_parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        ids = [party.pk for party in today_parties]
        self.fields["removed"].queryset = Organisation.objects.filter(pk__in=ids)
        self.fields["added"].queryset = Organisation.objects.municipalities().exclude(pk__in=ids)
        self.fields["population"].choices = [("", _("— none —")), *population_choices()]
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Compute the scenario")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("price_index") and cleaned.get("price_factor") is not None:
            self.add_error("price_factor", _("Choose a price index or type a factor, not both."))
        if cleaned.get("price_factor") == 0:
            self.add_error("price_factor", _("The price index factor must be above 0."))
        total = cleaned.get("new_total")
        if total is not None and total != total.quantize(quantum(self.scheme.decimals)):
            self.add_error("new_total", _("The total has more decimals than the rounding allows."))
        needs_figures = cleaned.get("added") or cleaned.get("key_basis") == "population"
        if needs_figures and not cleaned.get("population"):
            self.add_error(
                "population", _("Choose the population figures the key is to be made of.")
            )
        return cleaned

    def changes(self) -> ScenarioChanges:
        cleaned = self.cleaned_data
        date, band = None, ""
        if cleaned["population"]:
            text, band = cleaned["population"].split("|", 1)
            date = dt.date.fromisoformat(text)
        index = cleaned["price_index"]
        return ScenarioChanges(
            name=cleaned["name"].strip(),
            new_total=cleaned["new_total"],
            price_factor=index.factor if index else cleaned["price_factor"],
            key_basis=cleaned["key_basis"],
            population_date=date,
            age_band=band,
            added=list(cleaned["added"]),
            removed=list(cleaned["removed"]),
        )


def scenario_initial(scenario) -> dict:
    """The form's values for an existing scenario (its factor typed, not its index)."""
    population = ""
    if scenario.population_date and scenario.age_band:
        population = f"{scenario.population_date.isoformat()}|{scenario.age_band}"
    return {
        "name": scenario.name,
        "new_total": scenario.new_total,
        "price_factor": scenario.price_factor,
        "key_basis": scenario.key_basis,
        "population": population,
        "added": list(scenario.added_parties.all()),
        "removed": list(scenario.removed_parties.all()),
    }
