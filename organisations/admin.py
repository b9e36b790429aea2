from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Organisation, OrganisationUnit, PopulationFigure, SupervisionArea


class UnitInline(admin.TabularInline):
    model = OrganisationUnit
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "party_to_agreement"]
    list_filter = ["kind", "party_to_agreement"]
    search_fields = ["name", "code"]
    inlines = [UnitInline]


@admin.register(OrganisationUnit)
class OrganisationUnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "organisation", "is_default", "reports_separately"]
    list_select_related = ["organisation"]


@admin.register(SupervisionArea)
class SupervisionAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "host"]
    filter_horizontal = ["members"]


@admin.register(PopulationFigure)
class PopulationFigureAdmin(admin.ModelAdmin):
    list_display = ["organisation", "reference_date", "age_band", "count", "source"]
    list_filter = ["age_band", "reference_date"]
    list_select_related = ["organisation"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "unit", "organisation", "body"]
    list_filter = ["role", "body"]
    list_select_related = ["user", "unit", "organisation"]
    autocomplete_fields = ["user"]
