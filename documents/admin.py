from django.contrib import admin

from .models import GeneratedDocument


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "kind", "status", "progress", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "key"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by"]
    # Documents are written by the service and the task only.
    readonly_fields = [field.name for field in GeneratedDocument._meta.fields]

    def has_add_permission(self, request):
        return False
