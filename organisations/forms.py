from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenMixin
from socialaftale.lib.formfields import (
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
)

from .models import Organisation, SupervisionArea


class PopulationUploadForm(forms.Form):
    """The `import_population` command's arguments as a form."""

    file = forms.FileField(
        label=_("Population figures (CSV or XLSX)"),
        help_text=_(
            "A header and two columns: municipality (name or DST code) and the number of "
            "people (the second column's name may describe it, as in Danmarks Statistik's "
            "extracts). If any row has an error, nothing is imported."
        ),
    )
    reference_date = forms.DateField(
        label=_("Counted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    age_band = forms.CharField(
        label=_("Age band"),
        max_length=20,
        initial="all",
        help_text=_(
            "“all” for every inhabitant (used for the development contribution), or e.g. “0-17”."
        ),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("E.g. Danmarks Statistik, inhabitants 1 January 2019."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("upload", _("Import")))


class SupervisionAreaForm(EditTokenMixin, forms.ModelForm):
    """A supervision area: its host and the municipalities it covers and that finance it."""

    host = BoundedModelChoiceField(
        label=_("Host municipality"), queryset=Organisation.objects.exclude(kind="private")
    )
    members = BoundedModelMultipleChoiceField(
        label=_("Member municipalities"),
        queryset=Organisation.objects.exclude(kind="private").order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SupervisionArea
        fields = ["name", "host", "members", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].max_length = 2000
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))
