import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Body, Meeting, MeetingStatus


class MeetingFilter(django_filters.FilterSet):
    organ = django_filters.ModelChoiceFilter(
        field_name="body", label=_("Body"), queryset=Body.objects.all(), empty_label=_("All")
    )
    aar = django_filters.NumberFilter(field_name="date__year", label=_("Year"))
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("Status"),
                                         empty_label=_("All"))  # fmt: skip

    class Meta:
        model = Meeting
        fields = []
