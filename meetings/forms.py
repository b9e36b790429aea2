from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AgendaItem


class ItemForm(forms.ModelForm):
    edit_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AgendaItem
        fields = ["section", "title", "guest_line", "summary", "background", "body_heading",
                  "body", "decision", "editorial_note", "is_public"]  # fmt: skip
        widgets = {name: forms.Textarea(attrs={"rows": 4})
                   for name in ("summary", "background", "body", "decision")}  # fmt: skip


class NewItemForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Section"), choices=AgendaItem._meta.get_field("section").choices,
        widget=forms.Select(attrs={"class": "form-select"}))  # fmt: skip
    title = forms.CharField(label=_("Title"), max_length=300,
                            widget=forms.TextInput(attrs={"class": "form-control"}))  # fmt: skip
