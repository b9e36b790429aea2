from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenMixin
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField

from .models import ChangeNotice

MAX_PLACES = 100_000
MAX_TEXT = 5000


def _places(label):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=MAX_PLACES)


class NoticeForm(EditTokenMixin, forms.ModelForm):
    """A change notice: what changes, when it was decided and when notice was given."""

    decided_on = DanishDateField(
        label=_("Decision date"),
        help_text=_("The date of the political or administrative decision, e.g. 21.05.2019."),
    )
    noticed_on = DanishDateField(
        label=_("Notice date"), help_text=_("The date the other parties were notified.")
    )
    takes_effect_on = DanishDateField(label=_("Takes effect on"), required=False)
    places_before = _places(_("Places before"))
    places_after = _places(_("Places after"))

    class Meta:
        model = ChangeNotice
        fields = [
            "kind",
            "description",
            "decided_on",
            "noticed_on",
            "takes_effect_on",
            "places_before",
            "places_after",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, offers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].max_length = MAX_TEXT
        if offers is not None:  # a new notice: choose the offer (an edit keeps its own)
            self.fields = {
                "offer": BoundedModelChoiceField(
                    queryset=offers.order_by("name"), label=_("Offer")
                ),
                **self.fields,
            }
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class PlanForm(forms.Form):
    """A development plan or its yearly follow-up."""

    offer = BoundedModelChoiceField(queryset=None, label=_("Offer"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    submitted_on = DanishDateField(label=_("Submitted on"))
    summary = forms.CharField(
        label=_("Summary of the plan"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = offers.order_by("name")
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Record the plan")))
