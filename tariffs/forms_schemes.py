"""The form a secretariat member defines or changes a financing scheme with: its name and
budget year, the key rule and what the rule reads, the total (typed, or the objective part
of an offer's mixed financing) and the rounding. The form drops the fields the chosen rule
does not read; the service (tariffs.services_schemes) checks the rest, field by field."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from offers.models import Offer
from organisations.models import PopulationFigure, SupervisionArea
from socialaftale.lib.edits import TOKEN_NAME, EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField, FreeTextField

from .models import DistributionKey, KeyRule, MixedFinancing
from .services_schemes import RULE_FIELDS

TYPED, MIXED = "typed", "mixed"
ROUNDING = [(0, _("Whole kroner")), (2, _("Øre (two decimals)"))]


def _required(label):
    return {"required": _("%(field)s: fill in the field.") % {"field": label}}


def age_band_choices() -> list[tuple[str, str]]:
    bands = PopulationFigure.objects.order_by("age_band").values_list("age_band", flat=True)
    return [("", _("— choose —"))] + [(band, _band_label(band)) for band in bands.distinct()]


def _band_label(band: str) -> str:
    """ "all" is every age ("alle aldre"); "0-17" reads "0-17-årige"."""
    return _("all ages") if band == "all" else _("%(band)s year olds") % {"band": band}


class MixedFinancingChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(offer)s %(year)s (objective share %(share)s %%)") % {
            "offer": obj.offer.name,
            "year": obj.year,
            "share": f"{obj.objective_share * 100:.1f}".replace(".", ","),
        }


class SchemeForm(forms.Form):
    name = FreeTextField(label=_("Name"), max_length=200, rows=1)
    year = forms.IntegerField(
        label=_("Budget year"),
        min_value=2000,
        max_value=2100,
        help_text=_("The year the scheme finances; population figures are read for it."),
    )
    key_rule = forms.ChoiceField(
        label=_("Distribution key rule"),
        choices=KeyRule.choices,
        widget=forms.RadioSelect,
        initial=KeyRule.POPULATION,
    )
    key = BoundedModelChoiceField(
        label=_("Distribution key"),
        queryset=DistributionKey.objects.all(),
        required=False,
        help_text=_("Fixed key: the stored weights (e.g. published percentages) are used."),
    )
    age_band = forms.ChoiceField(
        label=_("Age band"),
        required=False,
        help_text=_(
            "Population rule: Danmarks Statistik's figures of the age band for the 2nd quarter "
            "of the year before the budget year."
        ),
    )
    area = BoundedModelChoiceField(
        label=_("Area"),
        queryset=SupervisionArea.objects.order_by("name"),
        required=False,
        empty_label=_("The agreement's municipalities"),
        help_text=_(
            "Population rule: whose figures count (e.g. a supervision authority's area). "
            "Usage rule: only the area's municipalities (empty: those that used places)."
        ),
    )
    offer = BoundedModelChoiceField(
        label=_("Offer"),
        queryset=Offer.objects.order_by("name"),
        required=False,
        help_text=_("Usage rule: the places each municipality used in the year before."),
    )
    total_source = forms.ChoiceField(
        label=_("Total"),
        choices=[
            (TYPED, _("Type the total")),
            (MIXED, _("The objective part of a mixed financing")),
        ],
        widget=forms.RadioSelect,
        initial=TYPED,
    )
    total = forms.DecimalField(
        label=_("Total (kr.)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
    )
    mixed_financing = MixedFinancingChoiceField(
        label=_("Mixed financing"),
        queryset=MixedFinancing.objects.select_related("offer").order_by("offer__name", "-year"),
        required=False,
        help_text=_("The total is its objective share × total budget (of the budget year)."),
    )
    decimals = forms.TypedChoiceField(
        label=_("Rounding"),
        choices=ROUNDING,
        coerce=int,
        widget=forms.RadioSelect,
        initial=0,
        help_text=_("The parts sum to the total exactly (largest remainder)."),
    )
    description = FreeTextField(label=_("Description"), required=False, rows=3)
    edit_token = EditTokenField()

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = age_band_choices()
        for field in self.fields.values():
            if field.required:
                field.error_messages.update(_required(field.label))
        self.fields["total"].error_messages.update(
            invalid=_("Total (kr.): write an amount in kroner, e.g. 19.209.757."),
            min_value=_("Total (kr.): the total cannot be negative."),
            max_digits=_("Total (kr.): the total is too large."),
            max_whole_digits=_("Total (kr.): the total is too large."),
            max_decimal_places=_("Total (kr.): at most two decimals (øre)."),
        )
        for name in ("key", "offer", "mixed_financing"):
            self.fields[name].empty_label = _("— choose —")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "name",
            "year",
            "key_rule",
            Fieldset(_("Fixed key"), "key"),
            Fieldset(_("Population or usage"), "age_band", "area", "offer"),
            Fieldset(
                _("Total and rounding"), "total_source", "total", "mixed_financing", "decimals"
            ),
            "description",
            "edit_token",
        )
        self.helper.add_input(Submit("submit", submit_label or _("Save the scheme")))

    def clean(self):
        cleaned = super().clean()
        mixed = cleaned.get("total_source") == MIXED
        if mixed and not cleaned.get("mixed_financing"):
            self.add_error("mixed_financing", _("Mixed financing: choose the offer's record."))
        if not mixed and cleaned.get("total") is None and "total" not in self.errors:
            self.add_error("total", _("Total (kr.): write the total in kroner."))
        return cleaned

    def definition(self) -> dict:
        """The definition for the service: the chosen rule's fields, the others empty."""
        cleaned = self.cleaned_data
        rule = cleaned["key_rule"]
        used = RULE_FIELDS[KeyRule(rule)]
        mixed = cleaned["total_source"] == MIXED
        return {
            "name": cleaned["name"].strip(),
            "year": cleaned["year"],
            "key_rule": rule,
            "key": cleaned["key"] if "key" in used else None,
            "age_band": cleaned["age_band"] if "age_band" in used else "",
            "area": cleaned["area"] if "area" in used else None,
            "offer": cleaned["offer"] if "offer" in used else None,
            "mixed_financing": cleaned["mixed_financing"] if mixed else None,
            "total": Decimal(0) if mixed else cleaned["total"],
            "decimals": cleaned["decimals"],
            "description": cleaned["description"],
        }


def scheme_initial(scheme, token: str) -> dict:
    """The form's values for an existing scheme."""
    return {
        "name": scheme.name,
        "year": scheme.year,
        "key_rule": scheme.key_rule,
        "key": scheme.key_id,
        "age_band": scheme.age_band,
        "area": scheme.area_id,
        "offer": scheme.offer_id,
        "total_source": MIXED if scheme.mixed_financing_id else TYPED,
        "total": scheme.total,
        "mixed_financing": scheme.mixed_financing_id,
        "decimals": scheme.decimals,
        "description": scheme.description,
        TOKEN_NAME: token,
    }
