from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

from documents import agenda_sources

from .attachment_check import AttachmentRefused, check_attachment
from .calculations import RECOMMENDATION_VERBS
from .models import AgendaItem

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


class ItemForm(forms.ModelForm):
    edit_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AgendaItem
        fields = [
            "section",
            "title",
            "guest_line",
            "summary",
            "background",
            "body_heading",
            "body",
            "decision",
            "editorial_note",
            "is_public",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("summary", "background", "body", "decision")
        }
        widgets["body"] = forms.Textarea(attrs={"rows": 8})
        widgets["editorial_note"] = forms.Textarea(attrs={"rows": 2})


class RecommendationForm(forms.Form):
    """One bullet of "Det indstilles, at …": a verb from the fixed list and its text."""

    verb = forms.ChoiceField(
        label=_("Verb"),
        required=False,
        choices=[("", "—")]
        + [
            (verb, pattern.replace("{text}", "…")) for verb, pattern in RECOMMENDATION_VERBS.items()
        ],
    )
    text = forms.CharField(label=_("Text"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("text") and not data.get("verb"):
            self.add_error("verb", _("Choose the verb for this bullet."))
        return data


RecommendationFormSet = forms.formset_factory(RecommendationForm, extra=2, max_num=10)


def recommendation_initial(item: AgendaItem) -> list[dict]:
    return [{"verb": verb, "text": text} for verb, text in item.recommendations]


def recommendations_from(formset) -> list[list[str]]:
    rows = [
        (form.cleaned_data.get("verb"), form.cleaned_data.get("text", "").strip())
        for form in formset.forms
    ]
    return [[verb, text] for verb, text in rows if verb and text]


class NewItemForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Section"),
        choices=AgendaItem._meta.get_field("section").choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    title = forms.CharField(
        label=_("Title"), max_length=300, widget=forms.TextInput(attrs={"class": "form-control"})
    )


class GeneratedItemForm(forms.Form):
    choice = forms.ChoiceField(label=_("Data"), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [("", "—")] + agenda_sources.grouped_choices()


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(
        label=_("PDF file"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; attachments can be at most %(max)s MB.")
                % {"size": upload.size // (1024 * 1024), "max": MAX_ATTACHMENT_BYTES // 1048576}
            )
        data = upload.read()
        if b"%PDF-" not in data[:1024]:  # where readers look for the header
            raise forms.ValidationError(_("The file is not a readable PDF."))
        try:  # placed into a pack the way the pack does it, with time and memory limits
            _pages, copy = check_attachment(data)
        except AttachmentRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return SimpleUploadedFile(upload.name, copy, content_type="application/pdf")


class ForwardForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Forward to meeting"), queryset=None, empty_label="—")

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda m: f"{m.body.name}, {m.date:%d.%m.%Y}"


class MinutesItemForm(forms.Form):
    """One item on the minutes page: its decision and "Red.:" note, with the version the page
    was opened at (the save is refused if the item was saved by someone else since)."""

    item = forms.IntegerField(widget=forms.HiddenInput)
    edit_version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.CharField(
        label=_("Decision (minutes)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    editorial_note = forms.CharField(
        label=_("Editorial note (Red.)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


MinutesFormSet = forms.formset_factory(MinutesItemForm, extra=0)
