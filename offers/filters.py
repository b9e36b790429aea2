import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from . import catalogue_marks
from .models import LegalBasis, Offer, OfferStatus, TargetGroup


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    driftsherre = django_filters.ModelChoiceFilter(
        field_name="operator",
        label=_("Operator"),
        queryset=Organisation.objects.filter(offers__isnull=False).distinct(),
        empty_label=_("All"),
    )
    beliggenhed = django_filters.ModelChoiceFilter(
        field_name="location_municipality",
        label=_("Location municipality"),
        queryset=Organisation.objects.filter(located_offers__isnull=False).distinct(),
        empty_label=_("All"),
    )
    maalgruppe = django_filters.ModelChoiceFilter(
        method="by_target_group",
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        empty_label=_("All"),
    )
    lovgrundlag = django_filters.ModelChoiceFilter(
        field_name="legal_bases",
        label=_("Legal basis"),
        queryset=LegalBasis.objects.all(),
        empty_label=_("All"),
    )
    omfattet = django_filters.ChoiceFilter(
        method="by_coverage",
        label=_("Covered by the agreement"),
        choices=[("ja", _("Yes")), ("nej", _("No"))],
        empty_label=_("All"),
    )
    gennemsyn = django_filters.ChoiceFilter(
        method="by_review",
        label=_("Places need review"),
        choices=[("ja", _("Yes")), ("nej", _("No"))],
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OfferStatus.choices, empty_label=_("All")
    )

    class Meta:
        model = Offer
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, mark_filter in catalogue_marks.mark_filters().items():  # higher apps' filters
            added = django_filters.ChoiceFilter(
                method=lambda queryset, _name, value, f=mark_filter: f.filter(queryset, value),
                label=mark_filter.label,
                choices=mark_filter.choices,
                empty_label=_("All"),
            )
            added.model, added.parent = self.queryset.model, self
            self.filters[name] = added

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(target_group_text__icontains=value))

    def by_target_group(self, queryset, name, value):
        # A top-level group also finds offers tagged with one of its sub-groups.
        tagged = Offer.target_groups.through.objects.filter(offer=OuterRef("pk")).filter(
            Q(targetgroup=value) | Q(targetgroup__parent=value)
        )
        return queryset.filter(Exists(tagged))

    def by_review(self, queryset, name, value):
        return queryset.filter(places_need_review=(value == "ja"))

    def by_coverage(self, queryset, name, value):
        return queryset.filter(covered=(value == "ja"))
