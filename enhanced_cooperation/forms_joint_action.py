"""Forms of early joint action: open one, record a decision, close it. The decision and the
close form carry the edit token of what the page showed (socialaftale.lib.edits)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.cpr import mask_cpr
from socialaftale.lib.edits import TOKEN_NAME, EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField, FreeTextField

from .models import Member
from .services_joint_action import MAX_TEXT


class _MaskedTextInput(forms.TextInput):
    """A one-line input that shows CPR-like runs masked (as lib's MaskedTextarea)."""

    def format_value(self, value):
        value = super().format_value(value)
        return mask_cpr(value) if value else value


class JointActionOpenForm(forms.Form):
    member = BoundedModelChoiceField(queryset=None, label=_("Member"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    reason = FreeTextField(
        label=_("Reason"),
        max_length=MAX_TEXT,
        rows=6,
        help_text=_("The signals of falling demand; filled in from the member's flags."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.select_related("period").order_by(
            "-period__start_year", "name"
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Open the early joint action")))


class DecisionForm(forms.Form):
    decided_on = DanishDateField(label=_("Decided on"))
    decided_by = FreeTextField(
        label=_("Decided by"),
        max_length=200,
        widget=_MaskedTextInput(),
        help_text=_("The body and meeting, e.g. DAS 21 May 2019, item 6."),
    )
    text = FreeTextField(label=_("Decision"), max_length=MAX_TEXT)

    def __init__(self, *args, token: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_NAME] = EditTokenField(initial=token)
        self.helper = FormHelper()
        self.helper.add_input(Submit("decide", _("Record the decision")))


class CloseForm(forms.Form):
    """Only the token: the page renders its one button itself."""

    def __init__(self, *args, token: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_NAME] = EditTokenField(initial=token)
