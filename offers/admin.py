from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Capacity,
    CoverageExemption,
    Department,
    ExtraPlaces,
    LegalBasis,
    Offer,
    PlaceStatistic,
    ServiceType,
    TargetGroup,
    Usage,
)


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


class UsageInline(admin.TabularInline):
    model = Usage
    extra = 0
    autocomplete_fields = ["acting_municipality"]


class ExemptionInline(admin.StackedInline):
    model = CoverageExemption
    extra = 0


@admin.register(Offer)
class OfferAdmin(SimpleHistoryAdmin):
    list_display = ["name", "operator", "location_municipality", "status"]
    list_filter = ["status", "operator"]
    list_select_related = ["operator", "location_municipality"]
    search_fields = ["name", "target_group_text"]
    filter_horizontal = ["target_groups", "legal_bases", "service_types"]
    inlines = [DepartmentInline, UsageInline, ExemptionInline]


class ExtraPlacesInline(admin.TabularInline):
    model = ExtraPlaces
    extra = 0


@admin.register(Capacity)
class CapacityAdmin(SimpleHistoryAdmin):
    list_display = ["offer", "year", "as_written", "total_places", "needs_review"]
    list_filter = ["year", "needs_review"]
    list_select_related = ["offer"]
    inlines = [ExtraPlacesInline]


admin.site.register(TargetGroup)
admin.site.register(LegalBasis)
admin.site.register(ServiceType)
admin.site.register(PlaceStatistic)
