"""Forms of nominations and remarks: the nomination (four criteria, each met or not and why),
the panel's assessment, the secretariat's decision, one remark."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.cpr import has_cpr_like, mask_cpr
from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField, FreeTextField

from .models import Criterion, DecisionBody

MAX_TEXT = 3000
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
MET = [("met", _("Met")), ("not_met", _("Not met"))]


def _text(label, required=False, rows=3, max_length=MAX_TEXT):
    return FreeTextField(label=label, required=required, max_length=max_length, rows=rows)


def refuse_cpr(form, names) -> None:
    """CPR-like text is refused (FreeTextField's message; also for one-line fields), and the
    form is shown again with it masked, so the page never echoes it."""
    for name in names:
        value = form.data.get(form.add_prefix(name))
        if not (isinstance(value, str) and has_cpr_like(value)):
            continue
        if name not in form.errors:
            form.add_error(name, FreeTextField.default_error_messages["cpr_like"])
        data = form.data.copy()
        data[form.add_prefix(name)] = mask_cpr(value)
        form.data = data


def _helper(label):
    helper = FormHelper()
    helper.add_input(Submit("save", label))
    return helper


class NominationForm(forms.Form):
    """An offer of the register, who nominates it (when the user may choose) and for each
    criterion whether the offer meets it and why."""

    offer = BoundedModelChoiceField(queryset=None, label=_("Offer"))

    def __init__(self, *args, offers, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers.order_by("name")
        first_two = list(organisations[:2])
        self.fixed_organisation = first_two[0] if len(first_two) == 1 else None
        if self.fixed_organisation is None:
            self.fields["nominated_by"] = BoundedModelChoiceField(
                queryset=organisations, label=_("Nominated by")
            )
        for code, label in Criterion.choices:
            self.fields[f"{code}_meets"] = forms.ChoiceField(
                label=_("%(criterion)s: does the offer meet it?") % {"criterion": label},
                choices=YES_NO,
                widget=forms.RadioSelect,
            )
            self.fields[f"{code}_why"] = _text(_("%(criterion)s: why") % {"criterion": label})
        self.helper = _helper(_("Send the nomination"))

    def clean(self):
        data = super().clean()
        for code in Criterion.values:
            why = (data.get(f"{code}_why") or "").strip()
            if data.get(f"{code}_meets") == "yes" and not why and f"{code}_why" not in self.errors:
                self.add_error(f"{code}_why", _("Explain why the offer meets the criterion."))
        refuse_cpr(self, [f"{code}_why" for code in Criterion.values])
        return data

    def claims(self) -> dict:
        data = self.cleaned_data
        return {
            code: {"meets": data[f"{code}_meets"] == "yes", "why": data[f"{code}_why"].strip()}
            for code in Criterion.values
        }

    def organisation(self):
        return self.fixed_organisation or self.cleaned_data["nominated_by"]


class AssessmentForm(forms.Form):
    """The expert panel's assessment: each criterion met or not, and the justification."""

    def __init__(self, *args, nomination, token, **kwargs):
        initial = {}
        for code, item in (nomination.assessment or {}).items():
            if item.get("met") in (True, False):
                initial[f"{code}_met"] = "met" if item["met"] else "not_met"
            initial[f"{code}_text"] = item.get("text", "")
        super().__init__(*args, initial=initial, **kwargs)
        for code, label in Criterion.choices:
            self.fields[f"{code}_met"] = forms.ChoiceField(
                label=label, choices=MET, widget=forms.RadioSelect
            )
            self.fields[f"{code}_text"] = _text(
                _("%(criterion)s: justification") % {"criterion": label}, required=True
            )
        self.fields["edit_token"] = EditTokenField(initial=token)
        self.helper = _helper(_("Save the assessment"))

    def clean(self):
        data = super().clean()
        refuse_cpr(self, [f"{code}_text" for code in Criterion.values])
        return data

    def assessment(self) -> dict:
        data = self.cleaned_data
        return {
            code: {"met": data[f"{code}_met"] == "met", "text": data[f"{code}_text"].strip()}
            for code in Criterion.values
        }


class DecisionForm(forms.Form):
    """The secretariat's decision: admit (a member of a coming period) or reject."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[("admit", _("Admit the offer")), ("reject", _("Do not admit the offer"))],
        widget=forms.RadioSelect,
    )
    period = BoundedModelChoiceField(queryset=None, label=_("Period"), required=False)
    name = forms.CharField(label=_("The member's name"), max_length=200, required=False)
    decided_by = forms.ChoiceField(
        label=_("Decided by"), choices=DecisionBody.choices, initial=DecisionBody.DAS
    )
    meeting = forms.CharField(
        label=_("Meeting"),
        max_length=200,
        required=False,
        help_text=_("e.g. DAS 21 May 2019, item 6"),
    )
    decided_on = DanishDateField(label=_("Decided on"))
    decision = _text(_("The decision"), required=True)

    def __init__(self, *args, nomination, periods, token, **kwargs):
        first = periods.first()
        initial = {"name": nomination.offer.name, "period": first.pk if first else None}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["edit_token"] = EditTokenField(initial=token)
        self.helper = _helper(_("Record the decision"))

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "admit":
            if not data.get("period"):
                self.add_error("period", _("Choose the period the offer joins."))
            if not (data.get("name") or "").strip():
                self.add_error("name", _("Give the member's name."))
        refuse_cpr(self, ["name", "meeting", "decision"])
        return data

    def decision_values(self) -> dict:
        """The keyword arguments of services_nominations.nomination_decide."""
        data = self.cleaned_data
        values = {
            "admit": data["outcome"] == "admit",
            "decision": data["decision"].strip(),
            "decided_on": data["decided_on"],
            "expected_token": data.get("edit_token", ""),
        }
        if values["admit"]:
            values |= {
                "period": data["period"],
                "name": data["name"].strip(),
                "decided_by": data["decided_by"],
                "meeting": data["meeting"].strip(),
            }
        return values


class RemarkForm(forms.Form):
    text = _text(_("Your remarks"), required=True, rows=6, max_length=10_000)

    def __init__(self, *args, token, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"] = EditTokenField(initial=token)
        self.helper = _helper(_("Save your remarks"))

    def clean(self):
        data = super().clean()
        refuse_cpr(self, ["text"])
        return data
