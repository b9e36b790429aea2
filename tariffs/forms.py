from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib import formsets
from socialaftale.lib.money import quantum

from .models import ComponentKind, DistributionKey, FinancingScheme, TariffUnit


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
    """One component row. Every field is optional so that a row left (or made) empty is no
    component at all; a row that is filled in must be whole, and its errors name the row."""

    kind = forms.ChoiceField(
        label=_("Component"), required=False, choices=[("", "—"), *ComponentKind.choices]
    )
    package = forms.CharField(label=_("Service package"), required=False, max_length=100)
    amount = forms.DecimalField(
        label=_("Amount (kr.)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
    )

    def __init__(self, *args, row: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self.fields["kind"].widget.attrs["class"] = "form-select"
        for name in ("package", "amount"):
            self.fields[name].widget.attrs["class"] = "form-control"
        self.fields["amount"].widget.attrs["inputmode"] = "decimal"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["class"] += " is-invalid"

    def is_blank(self) -> bool:
        cleaned = getattr(self, "cleaned_data", {})
        return not self.errors and not any(
            cleaned.get(name) not in (None, "") for name in ("kind", "package", "amount")
        )

    def clean(self):
        cleaned = super().clean()
        cleaned["package"] = (cleaned.get("package") or "").strip()
        if self.is_blank():
            return cleaned
        kind, row = cleaned.get("kind"), {"row": self.row}
        if not kind:
            self.add_error("kind", _("Row %(row)s: choose the component.") % row)
        if cleaned.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Row %(row)s: enter the amount.") % row)
        if kind == ComponentKind.SERVICE and not cleaned["package"]:
            self.add_error("package", _("Row %(row)s: enter the service package's name.") % row)
        if kind in (ComponentKind.BASE, ComponentKind.TOTAL) and cleaned["package"]:
            message = _("Row %(row)s: only a service tariff belongs to a service package.")
            self.add_error("package", message % row)
        return cleaned

    def key(self) -> tuple[str, str]:
        return self.cleaned_data["kind"], self.cleaned_data["package"].casefold()


class BaseComponentFormSet(forms.BaseFormSet):
    """The tariff's component rows: one empty row to fill in (more with "Add a row"), a
    delete box per row; empty and deleted rows are no components."""

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "row": index + 1 if index is not None else 0}

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Delete")
        form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def filled_forms(self) -> list[ComponentForm]:
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and not form.is_blank()
        ]

    def components(self) -> list[tuple[str, str, object]]:
        """(kind, package, amount) of the rows to save, in the order shown."""
        return [
            (f.cleaned_data["kind"], f.cleaned_data["package"], f.cleaned_data["amount"])
            for f in self.filled_forms()
        ]

    def clean(self):
        if any(self.errors):
            return
        filled = self.filled_forms()
        if not filled:
            raise forms.ValidationError(
                _("Fill in at least one row: the base tariff or the tariff (not split).")
            )
        first_row: dict[tuple[str, str], int] = {}
        for form in filled:
            key = form.key() if form.key()[0] == ComponentKind.SERVICE else (form.key()[0], "")
            if key in first_row:
                raise forms.ValidationError(
                    _("Rows %(first)s and %(second)s: the same component twice.")
                    % {"first": first_row[key], "second": form.row}
                )
            first_row[key] = form.row
        kinds = {form.cleaned_data["kind"] for form in filled}
        if ComponentKind.TOTAL in kinds and len(kinds) > 1:
            raise forms.ValidationError(
                _("A tariff is either split (base tariff and service tariffs) or not split.")
            )

    def error_rows(self) -> list[tuple[str, str]]:
        """(message naming the row and the field, field id) for the error summary."""
        return formsets.error_rows(self)

    def typed_rows(self) -> list[dict]:
        """What the user typed in the rows not ticked for deletion (to show them again)."""
        names = ("kind", "package", "amount")
        return [
            {name: form[name].value() for name in names}
            for form in self.forms
            if not form["DELETE"].value()
        ]


ComponentFormSet = forms.formset_factory(
    ComponentForm, formset=BaseComponentFormSet, extra=1, can_delete=True
)


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


class BudgetRunForm(forms.Form):
    """Start a budget run: the budget year, and one of its schemes or all of them."""

    year = forms.IntegerField(label=_("Budget year"), min_value=2000, max_value=2100)
    scheme = forms.ModelChoiceField(
        label=_("Scheme"),
        queryset=FinancingScheme.objects.order_by("-year", "name"),
        required=False,
        empty_label=_("— every scheme of the year —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Start the budget run"))

    def clean(self):
        cleaned = super().clean()
        scheme, year = cleaned.get("scheme"), cleaned.get("year")
        if scheme and year and scheme.year != year:
            self.add_error("scheme", _("The scheme is not a scheme of the budget year."))
        return cleaned
