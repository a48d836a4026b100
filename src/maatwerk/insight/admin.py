"""The codebook is edited in the admin (audited); codes are retired there, never deleted.
Labels and corrections are read-only: they change through the actions only."""

from django.contrib import admin

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import Code, Label, LabelCorrection


@admin.register(Code)
class CodeAdmin(AuditedAdmin):
    list_display = ["code", "name", "order", "retired_at"]
    list_filter = [("retired_at", admin.EmptyFieldListFilter)]
    fields = ["code", "name", "description", "order", "retired_at"]

    def get_readonly_fields(self, request, obj=None):
        # A code's key is what labels and trained models refer to: fixed once it exists.
        return ["code"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Label)
class LabelAdmin(ReadOnlyAdmin):
    list_display = ["source", "source_id", "office", "language", "sentiment", "corrected"]
    list_filter = ["source", "language", "sentiment", "corrected"]


@admin.register(LabelCorrection)
class LabelCorrectionAdmin(ReadOnlyAdmin):
    list_display = ["label", "at", "by_staff"]
