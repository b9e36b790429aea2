"""The re-assessment forms: opening the round (the secretariat) and one member's answer (the
operator)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField, FreeTextField

from .models import Criterion, Period
from .reassessment import LABELS, YES_NO


class ReassessmentOpenForm(forms.Form):
    period = BoundedModelChoiceField(
        queryset=Period.objects.order_by("-start_year"), label=_("Period")
    )
    opens_on = DanishDateField(label=_("Opens on"))
    deadline = DanishDateField(label=_("Deadline"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("open", _("Open the re-assessment")))


def _yes_no(label):
    return forms.ChoiceField(label=label, choices=YES_NO, required=False, widget=forms.RadioSelect)


class ReassessmentForm(forms.Form):
    """Per criterion: still met (yes/no) and why; whether the offer continues; a comment. A
    draft may be incomplete; hand-in checks completeness (reassessment.missing_fields)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in Criterion.choices:
            self.fields[f"{code}_meets"] = _yes_no(
                _("%(criterion)s: still met?") % {"criterion": label}
            )
            self.fields[f"{code}_why"] = FreeTextField(
                label=_("%(criterion)s: why") % {"criterion": label}, required=False, rows=3
            )
        self.fields["continue"] = _yes_no(LABELS["continue"])
        self.fields["comment"] = FreeTextField(label=LABELS["comment"], required=False, rows=3)
        self.fields["token"] = EditTokenField()
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save the draft")))

    @staticmethod
    def initial_of(answer: dict) -> dict:
        initial = {"continue": answer["continue"], "comment": answer["comment"]}
        for code in Criterion.values:
            initial[f"{code}_meets"] = answer[code]["meets"]
            initial[f"{code}_why"] = answer[code]["why"]
        return initial

    def answer(self) -> dict:
        data = self.cleaned_data
        answer = {
            code: {"meets": data[f"{code}_meets"], "why": data[f"{code}_why"].strip()}
            for code in Criterion.values
        }
        return {**answer, "continue": data["continue"], "comment": data["comment"].strip()}
