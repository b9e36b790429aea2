"""Forms for the secretariat's meeting set-up: the meeting itself (body, date, times, venue)
and its attendance (an inline formset over Attendance).

Dates and times are typed the Danish way ("21.05.2019", "21-05-2019", "13.00") or come as ISO
from the browser's date and time pickers; what the user typed is shown again on errors.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from socialaftale.lib import formsets
from socialaftale.lib.edits import EditTokenMixin
from socialaftale.lib.formfields import (
    DanishDateField,
    DanishTimeField,
)

from .calculations import number_items
from .models import Attendance, AttendanceKind, Meeting, meeting_reference


class MeetingForm(EditTokenMixin, forms.ModelForm):
    """Body, date, start, end and venue. The status is not edited here."""

    date = DanishDateField(label=_("Date"), help_text=_("E.g. 21.05.2019."))
    starts_at = DanishTimeField(label=_("Starts at"), help_text=_("E.g. 13.00."))
    ends_at = DanishTimeField(label=_("Ends at"), help_text=_("E.g. 16.00."))

    class Meta:
        model = Meeting
        fields = ["body", "date", "starts_at", "ends_at", "venue"]
        labels = {"body": _("Body"), "venue": _("Venue")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].empty_label = _("Choose a body")

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error(
                "ends_at",
                _("The meeting must end after it starts (%(start)s).")
                % {"start": starts_at.strftime("%H.%M")},
            )
        body, date = cleaned.get("body"), cleaned.get("date")
        if body and date:
            existing = self.existing_meeting(body, date)
            if existing is not None:
                self.add_duplicate_error(body, existing.reference)
        return cleaned

    def existing_meeting(self, body, date):
        """Another meeting of the body that day, or one with the same reference."""
        same_day = Q(body=body, date=date) | Q(reference=meeting_reference(body.short_name, date))
        return Meeting.objects.exclude(pk=self.instance.pk).filter(same_day).first()

    def add_duplicate_error(self, body, reference):
        message = _(
            "%(body)s already has a meeting on this date: %(reference)s. Choose another date "
            "or edit that meeting."
        )
        self.add_error("date", message % {"body": body.short_name, "reference": reference})


class AttendanceForm(forms.ModelForm):
    item = forms.TypedChoiceField(
        label=_("For item (guests only)"), required=False, coerce=int, empty_value=None
    )

    class Meta:
        model = Attendance
        fields = ["name", "organisation", "role", "kind", "item"]
        labels = {
            "name": _("Name"),
            "organisation": _("Organisation"),
            "role": _("Role"),
            "kind": _("Attends as"),
        }
        widgets = {"role": forms.TextInput(attrs={"size": 10})}

    def __init__(self, *args, row: int, items: dict, item_choices: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self._items = items
        self.fields["item"].choices = [("", _("(whole meeting)")), *item_choices]
        self.fields["kind"].choices = AttendanceKind.choices
        if self.instance.pk is None:
            self.fields["kind"].initial = AttendanceKind.PRESENT
        self.fields["role"].help_text = ""
        for field in self.fields.values():
            css = {"Select": "form-select", "CheckboxInput": "form-check-input"}
            field.widget.attrs["class"] = css.get(type(field.widget).__name__, "form-control")

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["class"] += " is-invalid"

    def clean_item(self):
        pk = self.cleaned_data.get("item")
        return self._items[pk] if pk is not None else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("item") is not None and cleaned.get("kind") != AttendanceKind.GUEST:
            self.add_error(
                "item",
                _(
                    "Row %(row)s: only guests can attend a single item. Choose “Guest” or "
                    "“(whole meeting)”."
                )
                % {"row": self.row},
            )
        return cleaned


class BaseAttendanceFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        items = list(meeting.items.all()) if meeting.pk else []
        numbers = number_items([(item.pk, item.section, item.position) for item in items])
        items.sort(key=lambda item: numbers[item.pk])
        self._items = {item.pk: item for item in items}
        self._item_choices = [(item.pk, f"{numbers[item.pk]}. {item.title}") for item in items]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Delete")
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def get_queryset(self):
        return super().get_queryset().order_by("position", "pk")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        row = index + 1 if index is not None else 0
        return {**kwargs, "row": row, "items": self._items, "item_choices": self._item_choices}

    def rows_to_save(self):
        """The rows in the order shown, without deleted rows and untouched blank rows."""
        return [
            form
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form))
            and (form.instance.pk is not None or form.has_changed())
        ]

    def error_rows(self):
        """(message naming the row and the field, field id) for the error summary."""
        return formsets.error_rows(self)


AttendanceFormSet = forms.inlineformset_factory(
    Meeting,
    Attendance,
    form=AttendanceForm,
    formset=BaseAttendanceFormSet,
    fields=["name", "organisation", "role", "kind", "item"],
    extra=3,
    can_delete=True,
)
