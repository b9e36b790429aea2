"""Forms of early joint action: open one, record a decision, close it. The decision and the
close form carry the edit token of what the page showed (socialaftale.lib.edits)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import TOKEN_NAME, EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField

from .models import Member
from .services_joint_action import MAX_TEXT


class _TokenField(EditTokenField):
    """A token that is not ASCII cannot be one of ours: it is stale (hmac.compare_digest in
    socialaftale.lib.edits.check_token raises TypeError on non-ASCII text; found by fuzzing)."""

    def clean(self, value):
        value = super().clean(value)
        return value if value.isascii() else ""


class JointActionOpenForm(forms.Form):
    member = BoundedModelChoiceField(queryset=None, label=_("Member"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
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
    decided_by = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        help_text=_("The body and meeting, e.g. DAS 21 May 2019, item 6."),
    )
    text = forms.CharField(
        label=_("Decision"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, token: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_NAME] = _TokenField(initial=token)
        self.helper = FormHelper()
        self.helper.add_input(Submit("decide", _("Record the decision")))


class CloseForm(forms.Form):
    """Only the token: the page renders its one button itself."""

    def __init__(self, *args, token: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_NAME] = _TokenField(initial=token)
