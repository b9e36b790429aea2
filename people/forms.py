from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Body, Organisation, OrganisationUnit, Role
from socialaftale.lib.edits import EditTokenField
from socialaftale.lib.formfields import BoundedModelChoiceField


class RoleFields(forms.Form):
    """A role and its scope: a reporter's unit, an operator's organisation, a member's body."""

    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
    unit = BoundedModelChoiceField(
        label=_("Unit (reporters)"),
        queryset=OrganisationUnit.objects.select_related("organisation").order_by("name"),
        required=False,
    )
    organisation = BoundedModelChoiceField(
        label=_("Operator (operators)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    body = forms.ChoiceField(
        label=_("Body (members of DAS/KKR)"), choices=[("", "—"), *Body.choices], required=False
    )

    submit_label = _("Add role")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", self.submit_label))

    def role_values(self) -> dict:
        return {
            name: self.cleaned_data.get(name) for name in ("role", "unit", "organisation", "body")
        }


class InviteForm(RoleFields):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    workplace = forms.CharField(
        label=_("Workplace (members of a body)"),
        max_length=200,
        required=False,
        help_text=_("E.g. Mariagerfjord Kommune: shown in the body's member list and minutes."),
    )
    field_order = [
        "first_name",
        "last_name",
        "email",
        "role",
        "unit",
        "organisation",
        "body",
        "workplace",
    ]
    submit_label = _("Send the invitation")


class DetailsForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    edit_token = EditTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    organisation = BoundedModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices], required=False)
    active = forms.ChoiceField(
        label=_("Active"),
        choices=[("", "—"), ("ja", _("Active")), ("nej", _("Deactivated"))],
        required=False,
    )
