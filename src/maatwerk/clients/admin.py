from django.contrib import admin

from .models import Client


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    """Read-only here: clients change through Maatwerk's own pages, which log every change."""

    list_display = ["surname", "first_name", "office", "is_practice"]
    list_filter = ["office", "is_practice"]
    search_fields = ["surname", "bsn"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
