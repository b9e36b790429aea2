from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, Attachment, Attendance, Body, BodyMember, Meeting


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0


class ItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["section", "position", "title", "guest_line", "is_public"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "body", "date", "status"]
    list_filter = ["body", "status"]
    inlines = [AttendanceInline, ItemInline]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "section", "position"]
    list_filter = ["meeting", "section"]
    inlines = [AttachmentInline]


admin.site.register(Body)
admin.site.register(BodyMember)
