"""Form fields for Danish dates and times: typed the Danish way ("21.05.2019", "21-05-2019",
"13.00") or sent as ISO by the browser's date and time pickers; what the user typed is shown
again on errors. Bounded choices of rows, and free text that refuses CPR-like numbers."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from .cpr import has_cpr_like, mask_cpr

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H.%M.%S", "%H"]


def _parse(value: str, formats: list[str], kind):
    for fmt in formats:
        try:
            parsed = dt.datetime.strptime(value.strip(), fmt)  # noqa: DTZ007 - a date, no zone
        except ValueError:
            continue
        return parsed.date() if kind is dt.date else parsed.time()
    return None


class _PickerInputMixin:
    """A type=date/type=time input only shows an ISO value ("2019-05-21", "13:00"). When a
    form is shown again with what the user typed ("21.05.2019", "13.00"), the typed text is
    converted so the picker keeps it; text that cannot be read is kept as it was."""

    parse_formats: list[str] = []
    kind = None

    def format_value(self, value):
        if isinstance(value, str) and value.strip():
            parsed = _parse(value, self.parse_formats, self.kind)
            if parsed is not None:
                value = parsed
        return super().format_value(value)


class DatePickerInput(_PickerInputMixin, forms.DateInput):
    parse_formats = DATE_INPUT_FORMATS
    kind = dt.date

    def __init__(self, attrs=None):
        super().__init__(attrs={"type": "date", **(attrs or {})}, format="%Y-%m-%d")


class TimePickerInput(_PickerInputMixin, forms.TimeInput):
    parse_formats = TIME_INPUT_FORMATS
    kind = dt.time

    def __init__(self, attrs=None):
        super().__init__(attrs={"type": "time", **(attrs or {})}, format="%H:%M")


class DanishDateField(forms.DateField):
    input_formats = DATE_INPUT_FORMATS
    widget = DatePickerInput
    default_error_messages = {"invalid": _("Write the date as dd.mm.yyyy, e.g. 21.05.2019.")}


class DanishTimeField(forms.TimeField):
    input_formats = TIME_INPUT_FORMATS
    widget = TimePickerInput
    default_error_messages = {"invalid": _("Write the time as hh.mm, e.g. 13.00.")}


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of rows whose posted keys are checked before the database sees them: a key
    that is not a whole number a database integer can hold is an invalid choice, not an
    OverflowError from the driver (found by fuzzing). Its messages never echo what was
    posted (it could be anything, a CPR number too)."""

    default_error_messages = {
        "invalid_choice": _("Select a valid choice among those shown."),
        "invalid_pk_value": _("Select a valid choice among those shown."),
    }

    def _check_values(self, value):
        for key in value:
            text = str(key).strip()
            if not text.isdigit() or len(text) > 18:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


class BoundedModelChoiceField(forms.ModelChoiceField):
    """One row, its posted key checked as BoundedModelMultipleChoiceField's are."""

    default_error_messages = {"invalid_choice": _("Select a valid choice among those shown.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isdigit() or len(text) > 18:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(text)


class MaskedTextarea(forms.Textarea):
    """A textarea that shows CPR-like runs masked: a refused text comes back to the user
    without the number it was refused for."""

    def format_value(self, value):
        value = super().format_value(value)
        return mask_cpr(value) if value else value


class FreeTextField(forms.CharField):
    """Free text about offers and their work (a report, a remark, a justification): bounded,
    and never a place for a citizen's CPR number. Text with a CPR-like run of digits is
    refused without echoing it."""

    default_error_messages = {
        "cpr_like": _(
            "The text contains a number that could be a CPR number. Citizens' CPR numbers "
            "must not be written here; remove the number."
        )
    }

    def __init__(self, *, max_length: int = 5000, rows: int = 4, **kwargs):
        kwargs.setdefault("widget", MaskedTextarea(attrs={"rows": rows}))
        super().__init__(max_length=max_length, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and has_cpr_like(value):
            raise forms.ValidationError(self.error_messages["cpr_like"], code="cpr_like")
