"""The libraries' own admin pages, re-registered so that they too are on the record.

A second factor linked or removed by an administrator, a lock-out lifted (an access attempt
deleted): each lands in the audit log like any other admin change. Task results stay read-only
and out of the menu. Their sections and names are Dutch (``apps.py``, ``library_names.py``).
Registered here because ``site`` is the last app to load, after the libraries' own admin modules.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin


class AuditedTOTPDeviceAdmin(AuditedAdmin, TOTPDeviceAdmin):
    pass


class AuditedAccessAttemptAdmin(AuditedAdmin, AccessAttemptAdmin):
    pass


class AuditedAccessLogAdmin(AuditedAdmin, AccessLogAdmin):
    pass


class AuditedAccessFailureLogAdmin(AuditedAdmin, AccessFailureLogAdmin):
    pass


class TaskResultAdmin(ReadOnlyAdmin, DBTaskResultAdmin):
    """Background-task bookkeeping is for whoever runs the servers, not for a beheerder: out of
    the admin's menu (a superuser still reaches the read-only list by its address)."""

    def has_module_permission(self, request):
        return False


for model, model_admin in [
    (TOTPDevice, AuditedTOTPDeviceAdmin),
    (AccessAttempt, AuditedAccessAttemptAdmin),
    (AccessLog, AuditedAccessLogAdmin),
    (AccessFailureLog, AuditedAccessFailureLogAdmin),
    (DBTaskResult, TaskResultAdmin),
]:
    # A library registers its admin only where its settings say so (AXES_ENABLE_ADMIN).
    if admin.site.is_registered(model):
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
