from django.contrib import admin

from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import Client


@admin.register(Client)
class ClientAdmin(ReadOnlyAdmin):
    """Read-only here: clients change through Maatwerk's own pages, which log every change."""

    list_display = ["surname", "first_name", "office", "is_practice"]
    list_filter = ["office", "is_practice"]
    search_fields = ["surname", "bsn"]
    show_full_result_count = False
