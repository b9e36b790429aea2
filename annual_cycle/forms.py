"""The secretariat's forms for the annual cycle. Each carries a token of the row's values as
shown (socialaftale.lib.edits), so a save over someone else's is refused."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import GeneratedDocument
from meetings.models import Meeting
from socialaftale.lib.edits import TOKEN_NAME, EditTokenMixin
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField
from submissions.models import ReportingRound

from .models import CycleDefinition, CycleEvent
from .services import DEFINITION_FIELDS, EVENT_FIELDS

TEXT_MAX = 2000


class _EditForm(EditTokenMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != TOKEN_NAME}

    def token(self) -> str:
        return self.cleaned_data.get(TOKEN_NAME, "")


class DefinitionForm(_EditForm):
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=1000)

    class Meta:
        model = CycleDefinition
        fields = DEFINITION_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].max_length = TEXT_MAX

    def clean(self):
        cleaned = super().clean()
        kind, target = cleaned.get("link_kind"), cleaned.get("link_target")
        if kind == "none" and target:
            cleaned["link_target"] = ""
        return cleaned


class EventForm(_EditForm):
    done_on = DanishDateField(label=_("Done on"), required=False, help_text=_("E.g. 15.10.2026."))

    class Meta:
        model = CycleEvent
        fields = EVENT_FIELDS
        field_classes = {
            "round": BoundedModelChoiceField,
            "meeting": BoundedModelChoiceField,
            "document": BoundedModelChoiceField,
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = (self.instance.year - 1, self.instance.year, self.instance.year + 1)
        self.fields["round"].queryset = ReportingRound.objects.filter(year__in=years)
        self.fields["meeting"].queryset = Meeting.objects.filter(date__year__in=years)
        self.fields["document"].queryset = GeneratedDocument.objects.filter(
            status=GeneratedDocument.Status.DONE, created_at__year__in=years
        )
        self.fields["notes"].max_length = TEXT_MAX
