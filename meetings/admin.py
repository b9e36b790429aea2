"""The admin shows meetings and items; it changes them only while the agenda is a draft.

Once the agenda has gone out, every change goes through the portal's pages (whose services
log it, mark the item, make a new agenda version and tell the members), and once the minutes
are approved nothing changes at all. The status is never edited here: its steps (with their
documents, e-mails and the logged reopening) are the buttons on the meeting's page."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgendaItem,
    Attachment,
    Attendance,
    Body,
    BodyMember,
    Meeting,
    MeetingEvent,
    MeetingStatus,
)


def is_draft(meeting) -> bool:
    """None (a new object) or a meeting whose agenda has not gone out."""
    return meeting is None or meeting.status == MeetingStatus.PLANNED


class DraftOnlyInline:
    """An inline of a meeting (or item) that is read-only once the agenda has gone out."""

    def _meeting(self, obj):
        return getattr(obj, "meeting", obj)

    def has_add_permission(self, request, obj=None):
        return is_draft(self._meeting(obj)) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return is_draft(self._meeting(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_draft(self._meeting(obj)) and super().has_delete_permission(request, obj)


class DraftOnlyHistoryAdmin(SimpleHistoryAdmin):
    """simple_history's "revert to this version" saves with the view permission alone: a
    revert is a change, refused like one once the agenda has gone out."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_object(request, object_id)
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class AttendanceInline(DraftOnlyInline, admin.TabularInline):
    model = Attendance
    extra = 0


class ItemInline(DraftOnlyInline, admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["section", "position", "title", "guest_line", "is_public"]


@admin.register(Meeting)
class MeetingAdmin(DraftOnlyHistoryAdmin):
    list_display = ["reference", "body", "date", "status"]
    list_filter = ["body", "status"]
    readonly_fields = ["status"]
    inlines = [AttendanceInline, ItemInline]

    def has_change_permission(self, request, obj=None):
        return is_draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_draft(obj) and super().has_delete_permission(request, obj)


class AttachmentInline(DraftOnlyInline, admin.TabularInline):
    model = Attachment
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(DraftOnlyHistoryAdmin):
    list_display = ["title", "meeting", "section", "position"]
    list_filter = ["meeting", "section"]
    inlines = [AttachmentInline]

    def has_add_permission(self, request):
        return False  # an item is added on its meeting's page (or its inline while a draft)

    def has_change_permission(self, request, obj=None):
        meeting = obj.meeting if obj is not None else None
        return is_draft(meeting) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        meeting = obj.meeting if obj is not None else None
        return is_draft(meeting) and super().has_delete_permission(request, obj)


@admin.register(MeetingEvent)
class MeetingEventAdmin(admin.ModelAdmin):
    """The log is written by the services only."""

    list_display = ["meeting", "at", "user", "kind", "description"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Body)
admin.site.register(BodyMember)
