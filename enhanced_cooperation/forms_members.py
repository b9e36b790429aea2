"""Forms of the members, periods and exits. Free text never takes anything like a CPR
number; bad input gives a Danish message naming the field."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers.models import Offer
from socialaftale.lib.cpr import has_cpr_like, mask_cpr
from socialaftale.lib.edits import TOKEN_NAME, EditTokenMixin
from socialaftale.lib.formfields import (
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
    DanishDateField,
)

from .models import Exit, Member, Period
from .services_members import MEMBER_FIELDS

MAX_TEXT = 5000
CPR_MESSAGE = _("Remove the number that looks like a CPR number: no CPR numbers here.")


class _FreeTextMixin:
    """Every text field at most MAX_TEXT characters and without CPR-like numbers."""

    def _post_clean(self):
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name == TOKEN_NAME or not isinstance(field, forms.CharField):
                continue
            if isinstance(value, str) and len(value) > MAX_TEXT:
                self.add_error(name, _("At most 5000 characters."))
            elif isinstance(value, str) and has_cpr_like(value):
                self.add_error(name, CPR_MESSAGE)
                self._mask_typed(name)
        super()._post_clean()

    def _mask_typed(self, name) -> None:
        """The form is shown again with what was typed, the CPR-like number masked."""
        data = self.data.copy()
        key = self.add_prefix(name)
        data[key] = mask_cpr(data.get(key, ""))
        self.data = data

    def _helper(self, label):
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", label))


def _text(label, required=False, rows=3):
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


class MemberForm(_FreeTextMixin, EditTokenMixin, forms.ModelForm):
    period = BoundedModelChoiceField(queryset=Period.objects.all(), label=_("Period"))
    offers = BoundedModelMultipleChoiceField(
        queryset=Offer.objects.order_by("name"),
        label=_("Offers"),
        help_text=_("The offers of the register the membership covers (hold Ctrl to choose more)."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    target_group = _text(_("Target group"))
    criterion_target_group = _text(_("Target group (justification)"))
    criterion_competences = _text(_("Competences (justification)"))
    criterion_profile = _text(_("Specialisation profile (justification)"))
    criterion_only_offer = _text(_("The only offer of its kind in the region (justification)"))
    decided_on = DanishDateField(label=_("Decided on"), required=False)

    class Meta:
        model = Member
        fields = MEMBER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper(_("Save"))


class PeriodForm(_FreeTextMixin, EditTokenMixin, forms.ModelForm):
    start_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label=_("Last year"), min_value=2000, max_value=2100)
    rights_and_duties = _text(_("Rights and duties"), required=True, rows=6)

    class Meta:
        model = Period
        fields = ["start_year", "end_year", "rights_and_duties"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rights_and_duties"].help_text = _(
            "One right or duty per line; shown on every member's page."
        )
        if not self.instance.pk:
            self.initial.setdefault("rights_and_duties", self.instance.rights_and_duties)
        self._helper(_("Save"))


class ExitNoticeForm(_FreeTextMixin, forms.Form):
    noticed_on = DanishDateField(label=_("Notice date"))
    reason = _text(_("Reason"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("noticed_on", timezone.localdate())
        self._helper(_("Give notice of leaving"))


class ExitDecisionForm(_FreeTextMixin, EditTokenMixin, forms.ModelForm):
    decision_meeting = forms.CharField(
        label=_("Meeting"),
        max_length=200,
        help_text=_(
            "The DAS meeting that treated the October tariff appendix, e.g. DAS 3 October 2019."
        ),
    )
    decided_on = DanishDateField(label=_("Decided on"))
    ends_on = DanishDateField(label=_("Membership ends on"))
    decision = _text(_("Decision"), required=True)

    class Meta:
        model = Exit
        fields = ["decision_meeting", "decided_on", "ends_on", "decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper(_("Record the decision"))
