from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialaftale.lib.edits import EditTokenMixin
from socialaftale.lib.formfields import BoundedModelChoiceField, DanishDateField

from .models import BodyMember
from .services_members import FIELDS


class BodyMemberForm(EditTokenMixin, forms.ModelForm):
    """A seat: the person (with their portal user, so mails reach them), role and period."""

    user = BoundedModelChoiceField(
        label=_("User in the portal"),
        queryset=get_user_model()
        .objects.filter(is_active=True)
        .order_by("first_name", "last_name"),
        required=False,
        help_text=_(
            "The body's e-mails reach the member through their user's e-mail address; without "
            "a user, through the e-mail address below."
        ),
    )
    starts_on = DanishDateField(label=_("Member from"), required=False)
    ends_on = DanishDateField(
        label=_("Member until"), required=False, help_text=_("Empty while the seat runs.")
    )

    class Meta:
        model = BodyMember
        fields = FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.email or '–'})"
        )
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("starts_on", timezone.localdate())
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))


class EndMembershipForm(forms.Form):
    """The seat's last day; empty means yesterday (no longer a member from today)."""

    ends_on = DanishDateField(
        label=_("Last day as a member"),
        required=False,
        help_text=_("Empty: yesterday, so the person is no longer a member from today."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
