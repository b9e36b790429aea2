import django_filters
from django.utils.translation import gettext_lazy as _

from .models import ChangeNotice, NoticeKind

BREACH_CHOICES = [("ja", _("Given after the decision")), ("nej", _("Given in time"))]


class NoticeFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=NoticeKind.choices, label=_("Kind of change"))
    brud = django_filters.ChoiceFilter(
        choices=BREACH_CHOICES, method="by_breach", label=_("Notice in time")
    )
    aar = django_filters.NumberFilter(
        field_name="noticed_on__year", label=_("Year of notice"), min_value=2000, max_value=2100
    )

    class Meta:
        model = ChangeNotice
        fields = ["kind", "brud", "aar"]

    def by_breach(self, queryset, name, value):
        return queryset.breaches() if value == "ja" else queryset.in_time()
