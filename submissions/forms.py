"""Forms for one step of the demand/capacity questionnaire, built from its definition.

Every question gets a form and/or formsets, prefixed by its code ("A2", "A2-falling") so
several live in one <form>. Fields are optional: a draft is saved on every step, and what
blocks submitting is decided by questionnaire.missing_answers, not by the forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.danish import parse_decimal

from . import questionnaire as q

_TEXT = 500  # max length of a one-line answer in a repeating group


class DanishIntegerField(forms.CharField):
    """A whole number typed the Danish way ("1.200"); the error message names the field."""

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        super().__init__(required=False, **kwargs)
        self.min_value, self.max_value = min_value, max_value
        self.widget.attrs["inputmode"] = "numeric"

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        params = {"label": self.label, "value": text}
        try:
            number = parse_decimal(text)
        except ValueError:
            number = None
        if number is None or number != number.to_integral_value():
            message = _("%(label)s: “%(value)s” is not a whole number.")
            raise ValidationError(message, code="invalid", params=params)
        return self._within_limits(int(number), params)

    def _within_limits(self, number, params):
        if self.min_value is not None and number < self.min_value:
            message = _("%(label)s must be at least %(limit)s.")
            raise ValidationError(message, code="min", params={**params, "limit": self.min_value})
        if self.max_value is not None and number > self.max_value:
            message = _("%(label)s must be at most %(limit)s.")
            raise ValidationError(message, code="max", params={**params, "limit": self.max_value})
        return number


def _yes_no(label):
    choices = [(True, _("Yes")), (False, _("No"))]
    return forms.NullBooleanField(
        label=label, required=False, widget=forms.RadioSelect(choices=choices)
    )


def _choice(label, choices, *, radio=False):
    if radio:
        return forms.ChoiceField(
            label=label, required=False, choices=choices, widget=forms.RadioSelect
        )
    return forms.ChoiceField(label=label, required=False, choices=[("", "—"), *choices])


def _target_groups():
    return [("", "—"), *q.target_group_choices()]


def _line(label, **kwargs):
    return forms.CharField(label=label, required=False, max_length=_TEXT, **kwargs)


def _textarea(label, rows=3):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


def _split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(forms.Form):
    """A question's fields; converts between the stored answer and the fields."""

    line_lists: tuple[str, ...] = ()  # list answers edited as a textarea, one per line

    @property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False  # the wizard page wraps all blocks in one <form>
        helper.disable_csrf = True
        return helper

    @classmethod
    def initial_from(cls, answer: dict) -> dict:
        initial = {name: answer.get(name) for name in cls.base_fields}
        for name in cls.line_lists:
            initial[name] = "\n".join(answer.get(name) or [])
        return initial

    def to_answer(self) -> dict:
        answer = {name: self.cleaned_data.get(name) for name in self.base_fields}
        for name in self.line_lists:
            answer[name] = _split_lines(answer[name])
        return answer


class RowForm(QuestionForm):
    """One row of a repeating group. A row left (or made) entirely blank is ignored."""

    required_in_row: tuple[str, ...] = ()

    @property
    def helper(self) -> FormHelper:
        helper = super().helper
        names = [name for name in self.fields if name != "DELETE"]
        columns = [Column(name, css_class="col-md") for name in names]
        helper.layout = Layout(Row(*columns), *(["DELETE"] if "DELETE" in self.fields else []))
        return helper

    def is_blank(self) -> bool:
        cleaned = getattr(self, "cleaned_data", {})
        values = [cleaned.get(name) for name in self.base_fields]
        return not self.errors and all(value in (None, "") for value in values)

    def clean(self):
        cleaned = super().clean()
        if self.is_blank():
            return cleaned
        for name in self.required_in_row:
            if cleaned.get(name) in (None, "") and name not in self.errors:
                message = _("%(label)s is required when the row is filled in.")
                label = self.fields[name].label
                self.add_error(name, ValidationError(message, params={"label": label}))
        return cleaned


class VisionsForm(QuestionForm):
    children = _textarea(_("Children and young people"))
    adults = _textarea(_("Adults"))


class ChangesForm(QuestionForm):
    no_changes = forms.BooleanField(label=_("No significant changes in use"), required=False)


class NeedForm(RowForm):
    required_in_row = ("place", "age")
    place = _choice(_("Place type"), q.PLACE_CHOICES)
    age = _choice(_("Age group"), q.AGE_CHOICES)
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=_target_groups
    )
    reason = _line(_("Reason (optional)"))


class OfferListsForm(QuestionForm):
    line_lists = ("adults", "children")
    adults = _textarea(_("Adults (one offer per line)"))
    children = _textarea(_("Children and young people (one offer per line)"))


class NoneOrTextForm(QuestionForm):
    none = forms.BooleanField(label=_("No changes expected"), required=False)
    text = _textarea(_("Describe the expected changes"))


class TextForm(QuestionForm):
    text = _textarea(_("Answer"), rows=4)


class WishForm(RowForm):
    required_in_row = ("offer",)
    offer = _line(_("Offer"))
    change = _line(_("Wished change"))
    need = _line(_("Need behind the wish"))


class AuthorityCapacityForm(QuestionForm):
    waiting_lists = _yes_no(_("Are your citizens on waiting lists for places?"))
    empty_places = _yes_no(_("Do you see empty places in offers you use?"))
    text = _textarea(_("Details"))


class CentresForm(QuestionForm):
    ddh = _choice(q.CENTRE_CHOICES[0][1], q.TREND_CHOICES, radio=True)
    ish = _choice(q.CENTRE_CHOICES[1][1], q.TREND_CHOICES, radio=True)


class OperatorCapacityForm(QuestionForm):
    line_lists = ("empty_offers",)
    empty_places = _yes_no(_("Do your offers have empty places?"))
    empty_offers = _textarea(_("Offers with empty places (one per line)"))
    waiting_lists = _yes_no(_("Do your offers have waiting lists?"))


class WaitingForm(RowForm):
    required_in_row = ("offer", "target_group")
    offer = _line(_("Offer"))
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=_target_groups
    )
    count = DanishIntegerField(label=_("Number waiting"), min_value=0, max_value=100_000)


class MeasureForm(RowForm):
    required_in_row = ("measure",)
    measure = _line(_("Type of measure"))
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=_target_groups
    )
    year = DanishIntegerField(label=_("Year taken into use"), min_value=2000, max_value=2100)


class NewOfferForm(RowForm):
    required_in_row = ("name",)
    name = _line(_("Name of the offer"))
    target_group = _line(_("Target group"))
    places_as_written = _line(_("Places (as written)"), help_text=_("E.g. “max. 8” or “?”."))
    covered = forms.NullBooleanField(label=_("Covered by the agreement"), required=False)


class PlannedOfferForm(NewOfferForm):
    planned_year = DanishIntegerField(label=_("Planned year"), min_value=2000, max_value=2100)


@dataclass(frozen=True)
class ShapeForms:
    """How a shape is edited: a main form and/or repeating groups (key "" = the answer is
    the list itself)."""

    form: type[QuestionForm] | None = None
    lists: tuple[tuple[str, str | Promise, type[RowForm]], ...] = ()


SHAPE_FORMS = {
    q.VISIONS: ShapeForms(VisionsForm),
    q.CHANGES: ShapeForms(
        ChangesForm,
        (("falling", _("Falling need for"), NeedForm), ("rising", _("Rising need for"), NeedForm)),
    ),
    q.OFFER_LISTS: ShapeForms(OfferListsForm),
    q.NONE_OR_TEXT: ShapeForms(NoneOrTextForm),
    q.WISHES: ShapeForms(lists=(("", _("Wishes"), WishForm),)),
    q.TEXT: ShapeForms(TextForm),
    q.AUTHORITY_CAPACITY: ShapeForms(AuthorityCapacityForm),
    q.CENTRES: ShapeForms(CentresForm),
    q.OPERATOR_CAPACITY: ShapeForms(
        OperatorCapacityForm, (("waiting", _("Waiting lists"), WaitingForm),)
    ),
    q.MEASURES: ShapeForms(lists=(("", _("Preventive measures"), MeasureForm),)),
    q.NEW_OFFERS: ShapeForms(lists=(("", _("New offers"), NewOfferForm),)),
    q.PLANNED_OFFERS: ShapeForms(lists=(("", _("Planned offers"), PlannedOfferForm),)),
}


@dataclass
class FormsetPart:
    key: str
    title: str | Promise
    formset: forms.BaseFormSet

    def rows(self) -> list[dict]:
        return [
            form.to_answer()
            for form in self.formset.forms
            if not form.cleaned_data.get("DELETE") and not form.is_blank()
        ]


@dataclass
class Block:
    """One question on the page: its main form (or None) and its repeating groups."""

    question: q.Question
    form: QuestionForm | None
    formsets: list[FormsetPart] = field(default_factory=list)

    def is_valid(self) -> bool:
        results = [part.formset.is_valid() for part in self.formsets]
        return all([self.form is None or self.form.is_valid(), *results])

    def answer(self):
        rows = {part.key: part.rows() for part in self.formsets}
        if "" in rows:
            return rows[""]
        return {**self.form.to_answer(), **rows}


def _formset(row_form: type[RowForm], prefix: str, rows: list[dict], data):
    factory = forms.formset_factory(row_form, extra=1, can_delete=True)
    initial = [row_form.initial_from(row) for row in rows]
    return factory(data=data, prefix=prefix, initial=initial)


def _block(question: q.Question, answer, data) -> Block:
    spec = SHAPE_FORMS[question.shape]
    form = None
    if spec.form:
        form = spec.form(data=data, prefix=question.code, initial=spec.form.initial_from(answer))
    parts = []
    for key, title, row_form in spec.lists:
        rows = answer[key] if key else answer
        prefix = f"{question.code}-{key}" if key else question.code
        parts.append(FormsetPart(key, title, _formset(row_form, prefix, rows, data)))
    return Block(question, form, parts)


class StepForms:
    """All forms of one step. Unbound (data=None): prefilled from the stored answers."""

    def __init__(self, version: str, step_slug: str, answers: dict | None = None, data=None):
        questionnaire = q.get_questionnaire(version)
        self.version = version
        self.step = questionnaire.step(step_slug)
        self.is_bound = data is not None
        questions = [questionnaire.questions[code] for code in self.step.questions]
        self.blocks = [
            _block(question, q.answer_for(question, answers), data) for question in questions
        ]

    @classmethod
    def from_answers(cls, version: str, step_slug: str, answers: dict) -> StepForms:
        return cls(version, step_slug, answers)

    def is_valid(self) -> bool:
        return self.is_bound and all([block.is_valid() for block in self.blocks])

    @property
    def has_errors(self) -> bool:
        return self.is_bound and not self.is_valid()

    def answers(self) -> dict:
        """This step's answers in their JSON shape; only after is_valid()."""
        if not self.is_valid():
            raise ValueError("StepForms.answers() needs valid, bound forms")
        return {block.question.code: block.answer() for block in self.blocks}
