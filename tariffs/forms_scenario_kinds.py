"""The forms a secretariat member makes or changes a scenario of a mixed financing (objective
share, expected cases, total budget, price index) or of a tariff (components' amounts, price
index) with. Empty fields are as today."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, FreeTextField
from socialaftale.lib.tables import display

from .models import ComponentKind, PriceIndex
from .services_scenario_kinds import MixedChanges, TariffChanges


def _money(label, help_text=""):
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
    )


class _PricedForm(forms.Form):
    name = FreeTextField(label=_("Name of the scenario"), max_length=200, rows=1)
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
    edit_token = EditTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Compute the scenario")))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("price_index") and cleaned.get("price_factor") is not None:
            self.add_error("price_factor", _("Choose a price index or type a factor, not both."))
        if cleaned.get("price_factor") == 0:
            self.add_error("price_factor", _("The price index factor must be above 0."))
        return cleaned

    def factor(self):
        index = self.cleaned_data["price_index"]
        return index.factor if index else self.cleaned_data["price_factor"]


class MixedScenarioForm(_PricedForm):
    objective_share = forms.DecimalField(
        label=_("New objective share (e.g. 0,60)"),
        required=False,
        min_value=0,
        max_value=1,
        max_digits=5,
        decimal_places=4,
        localize=True,
    )
    expected_cases = forms.IntegerField(
        label=_("New number of expected cases"), required=False, min_value=1, max_value=100000
    )
    total_budget = _money(_("New total budget (kr.)"), _("Leave empty to keep today's."))
    field_order = ["name", "objective_share", "expected_cases", "total_budget"]

    def clean_objective_share(self):
        share = self.cleaned_data.get("objective_share")
        if share is not None and share >= 1:
            raise forms.ValidationError(
                _("The objective share must be below 1: something must be left for the tariff.")
            )
        return share

    def changes(self) -> MixedChanges:
        cleaned = self.cleaned_data
        return MixedChanges(
            name=cleaned["name"].strip(),
            objective_share=cleaned["objective_share"],
            expected_cases=cleaned["expected_cases"],
            total_budget=cleaned["total_budget"],
            price_factor=self.factor(),
        )


def _decimal(text):
    return None if text is None else Decimal(text)


def mixed_initial(scenario) -> dict:
    given = scenario.changes or {}
    return {
        "name": scenario.name,
        "objective_share": _decimal(given.get("objective_share")),
        "expected_cases": given.get("expected_cases"),
        "total_budget": scenario.new_total,
        "price_factor": scenario.price_factor,
    }


class TariffScenarioForm(_PricedForm):
    """One amount field per component of the tariff (empty: as today)."""

    def __init__(self, *args, components, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = dict(ComponentKind.choices)
        self.components = []
        for position, (kind, package, amount) in enumerate(components):
            name = f"component_{position}"
            label = f"{kinds.get(kind, kind)} {package}".strip()
            today = _("Today %(amount)s kr.") % {"amount": display(amount, 2)}
            self.fields[name] = _money(_("New %(component)s (kr.)") % {"component": label}, today)
            self.components.append((name, kind, package))
        self.order_fields(["name", *(name for name, _k, _p in self.components)])

    def changes(self) -> TariffChanges:
        cleaned = self.cleaned_data
        amounts = {
            (kind, package): cleaned[name]
            for name, kind, package in self.components
            if cleaned.get(name) is not None
        }
        return TariffChanges(
            name=cleaned["name"].strip(), amounts=amounts, price_factor=self.factor()
        )


def tariff_initial(scenario, components) -> dict:
    amounts = (scenario.changes or {}).get("amounts", {})
    initial = {"name": scenario.name, "price_factor": scenario.price_factor}
    for position, (kind, package, _amount) in enumerate(components):
        initial[f"component_{position}"] = _decimal(amounts.get(f"{kind}|{package}"))
    return initial
