import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Body, Meeting, MeetingStatus


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

    class Meta:
        model = Meeting
        fields = []
