import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for

from .models import Body, Meeting, MeetingStatus
from .worklist import upcoming, with_mail_reaching_nobody


class YearFilter(django_filters.NumberFilter):
    """A whole year within what a date can hold; anything else is a form error on the page
    (django-filter's strict mode then shows no rows) instead of a crash in the year lookup."""

    field_class = forms.IntegerField


class MeetingFilter(django_filters.FilterSet):
    organ = django_filters.ModelChoiceFilter(
        field_name="body", label=_("Body"), queryset=Body.objects.all(), empty_label=_("All")
    )
    aar = YearFilter(field_name="date__year", label=_("Year"), min_value=1900, max_value=2100)
    status = django_filters.ChoiceFilter(
        choices=MeetingStatus.choices, label=_("Status"), empty_label=_("All")
    )
    # The start page's work list links here (meetings.worklist has the rules).
    kommende = django_filters.ChoiceFilter(
        method="by_upcoming",
        label=_("Coming up"),
        choices=[("30", _("In the next 30 days"))],
        empty_label=_("All"),
    )
    post = django_filters.ChoiceFilter(
        method="by_mail",
        label=_("E-mails to the members"),
        choices=[("ikke-naaet", _("An e-mail reached nobody (last 30 days)"))],
        empty_label=_("All"),
    )

    class Meta:
        model = Meeting
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the secretariat sees the e-mails and what they reached.
        if not roles_for(getattr(self.request, "user", None)).is_secretariat:
            del self.filters["post"]

    def by_upcoming(self, queryset, name, value):
        return upcoming(queryset)

    def by_mail(self, queryset, name, value):
        return with_mail_reaching_nobody(queryset)
