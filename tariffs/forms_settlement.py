"""The settlement page's forms: the on-account plan and the year's actual expenditure. Every
message names its field, in Danish; nothing posted is echoed but what the field shows."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Hidden, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import DanishDateField, FreeTextField
from socialaftale.lib.money import quantum

INSTALMENT_CHOICES = [
    (4, _("Quarterly (4 instalments)")),
    (12, _("Monthly (12 instalments)")),
    (2, _("Half-yearly (2 instalments)")),
    (1, _("Once (1 instalment)")),
]


def _helper(action: str, label) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = True
    helper.add_input(Hidden("action", action))
    helper.add_input(Submit("submit", label))
    return helper


class OnAccountPlanForm(forms.Form):
    prefix = "plan"
    instalment_count = forms.TypedChoiceField(
        label=_("Instalments"),
        choices=INSTALMENT_CHOICES,
        coerce=int,
        initial=4,
        error_messages={
            "required": _("Instalments: choose how many instalments."),
            "invalid_choice": _("Instalments: choose one of the choices shown."),
        },
    )
    first_due_on = DanishDateField(
        label=_("First due date"),
        error_messages={
            "required": _("First due date: write the date of the first instalment."),
            "invalid": _("First due date: write the date as dd.mm.yyyy, e.g. 01.01.2018."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("plan", _("Charge the latest split on account (new plan)"))


class ActualExpenditureForm(forms.Form):
    prefix = "actual"
    amount = forms.DecimalField(
        label=_("Actual expenditure (kr.)"),
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Actual expenditure (kr.): write the year's actual expenditure."),
            "invalid": _("Actual expenditure (kr.): write an amount in kroner, e.g. 19.500.000."),
            "min_value": _("Actual expenditure (kr.): the amount cannot be negative."),
            "max_digits": _("Actual expenditure (kr.): the amount is too large."),
            "max_whole_digits": _("Actual expenditure (kr.): the amount is too large."),
            "max_decimal_places": _("Actual expenditure (kr.): at most two decimals (øre)."),
        },
    )
    note = FreeTextField(label=_("Note (e.g. the accounts it comes from)"), required=False, rows=2)
    edit_token = EditTokenField()

    def __init__(self, *args, decimals: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.decimals = decimals
        self.helper = _helper("actual", _("Record the actual expenditure"))

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount != amount.quantize(quantum(self.decimals)):
            raise forms.ValidationError(
                _("Actual expenditure (kr.): the scheme is split in whole kroner; no øre.")
            )
        return amount
