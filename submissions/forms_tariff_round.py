"""The form of one offer's tariff in the tariff round: the tariff's unit, budgeted occupancy,
cost lines and comment, and the component rows (tariffs.forms' rows plus a reason each). A
component that misses the year's reduction target needs its reason; the error names the row."""

from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.danish import format_decimal
from socialaftale.lib.formfields import FreeTextField
from tariffs.forms import BaseComponentFormSet, ComponentForm
from tariffs.models import TariffUnit
from tariffs.round_calc import COST_LINES, Change, component_key

COST_LINE_LABELS = {
    "personnel": _("Personnel (kr.)"),
    "administration": _("Administration (kr.)"),
    "buildings": _("Buildings (kr.)"),
    "other": _("Other costs (kr.)"),
}


def _money(label, required=False):
    field = forms.DecimalField(
        label=label, required=required, min_value=0, max_digits=14, decimal_places=2, localize=True
    )
    field.widget.attrs["inputmode"] = "decimal"
    return field


class RoundTariffForm(forms.Form):
    unit = forms.ChoiceField(label=_("Unit"), choices=TariffUnit.choices)
    occupancy_pct = forms.DecimalField(
        label=_("Budgeted occupancy (%)"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=1,
        localize=True,
    )
    comment = FreeTextField(label=_("Comment"), required=False, max_length=2000, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in COST_LINES:
            self.fields[f"cost_{code}"] = _money(COST_LINE_LABELS[code])
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "unit" else "form-control"

    def cost_lines(self) -> dict:
        return {code: self.cleaned_data.get(f"cost_{code}") for code in COST_LINES}

    def cost_fields(self):
        return [self[f"cost_{code}"] for code in COST_LINES]


class RoundComponentForm(ComponentForm):
    reason = FreeTextField(label=_("Reason"), required=False, max_length=1000, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget.attrs["class"] = "form-control"

    def component_key(self) -> str:
        return component_key(self.cleaned_data["kind"], self.cleaned_data["package"])


class BaseRoundComponentFormSet(BaseComponentFormSet):
    """The rows, checked against last year's amounts in this year's prices (`previous`
    {component_key: Decimal}) and the year's target (`target_pct`, None for none)."""

    previous: dict = {}
    target_pct = None

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        for form in self.filled_forms():
            key = form.component_key()
            if key not in self.previous or form.cleaned_data["reason"].strip():
                continue
            change = Change(self.previous[key], form.cleaned_data["amount"], self.target_pct)
            if change.exceeds:
                form.add_error("reason", reason_message(form.row, change))

    def typed_rows(self) -> list[dict]:
        names = ("kind", "package", "amount", "reason")
        return [
            {name: form[name].value() for name in names}
            for form in self.forms
            if not form["DELETE"].value()
        ]

    def reasons(self) -> dict:
        return {f.component_key(): f.cleaned_data["reason"] for f in self.filled_forms()}


def reason_message(row: int, change: Change) -> str:
    return _(
        "Row %(row)s: the component changes %(pct)s %% against last year's tariff in this "
        "year's prices; the target is a reduction of %(target)s %%. Give a reason."
    ) % {
        "row": row,
        "pct": format_decimal(change.pct, 2),
        "target": format_decimal(change.target_pct, 2),
    }


RoundComponentFormSet = forms.formset_factory(
    RoundComponentForm, formset=BaseRoundComponentFormSet, extra=1, can_delete=True
)


def component_formset(data=None, *, initial=None, previous=None, target_pct=None, extra=None):
    formset = RoundComponentFormSet(data, initial=initial)
    formset.previous, formset.target_pct = previous or {}, target_pct
    if extra is not None:
        formset.extra = extra
    return formset


class ReturnForm(forms.Form):
    """The secretariat's comments on a reported tariff: one on the whole, one per component."""

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["general"] = FreeTextField(
            label=_("Comment on the tariff as a whole"), required=False, max_length=1000, rows=2
        )
        self.keys = {}
        for index, (key, label) in enumerate(components):
            name = f"comment_{index}"
            self.keys[name] = key
            self.fields[name] = FreeTextField(
                label=_("Comment on %(component)s") % {"component": label},
                required=False,
                max_length=1000,
                rows=2,
            )
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"

    def comments(self) -> dict:
        comments = {"": self.cleaned_data.get("general", "")}
        comments.update({key: self.cleaned_data.get(name, "") for name, key in self.keys.items()})
        return comments
