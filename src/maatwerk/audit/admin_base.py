from django.contrib import admin

from . import actions as audit


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in the admin land in the audit log too, in the admin's own transaction."""

    def _audit(self, request, obj, action: str, message) -> None:
        audit.log(
            f"admin.{action}",
            user=request.user,
            about=obj,
            data={"object": str(obj)[:200], "message": str(message)[:2000]},
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "added", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "changed", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "deleted", "")
        return super().log_deletions(request, queryset)
