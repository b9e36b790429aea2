from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MailLog, OfferProposal, ReportingRound, Submission, SubmissionVersion


@admin.register(ReportingRound)
class ReportingRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "year", "opens_on", "deadline", "status"]
    list_filter = ["kind", "status", "year"]
    filter_horizontal = ["units"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["round", "unit", "status", "last_activity_at"]
    list_filter = ["status", "round"]
    list_select_related = ["round", "unit"]
    readonly_fields = ["answers"]


@admin.register(SubmissionVersion)
class SubmissionVersionAdmin(admin.ModelAdmin):
    """Read-only: a handed-in version is evidence."""

    list_display = ["submission", "number", "submitted_at", "receipt_code"]
    list_select_related = ["submission__round", "submission__unit"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(MailLog)
class MailLogAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "round", "unit", "kind", "step", "subject"]
    list_filter = ["kind", "round"]
    list_select_related = ["round", "unit"]


admin.site.register(OfferProposal)
