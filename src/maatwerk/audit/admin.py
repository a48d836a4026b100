from django.contrib import admin

from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "at", "actor_label", "action", "client_id", "reason"]
    list_filter = ["action"]
    search_fields = ["actor_label", "reason", "=client_id"]
    show_full_result_count = False
