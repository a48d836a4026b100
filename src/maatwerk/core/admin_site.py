from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maatwerk.access.rules import staff_of


class MaatwerkAdminSite(admin.AdminSite):
    """The admin for administrators: a staff member with the 'use admin' permission.

    Logging in always goes through Maatwerk's own log-in (with the second factor).
    """

    site_header = _("Maatwerk beheer")
    site_title = _("Maatwerk beheer")
    index_title = _("Beheer")

    def has_permission(self, request):
        user = request.user
        if not user.is_active:
            return False
        if user.is_superuser and user.is_authenticated:
            return True
        return staff_of(user) is not None and user.has_perm("access.use_admin")

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            return redirect("core:home")
        return redirect(f"{reverse('accounts:login')}?next={request.get_full_path()}")


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in the admin land in the audit log too, in the admin's own transaction."""

    def _audit(self, request, obj, action: str, message) -> None:
        from maatwerk.audit import actions as audit

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


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that change only through Maatwerk's own actions (which audit every change)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
