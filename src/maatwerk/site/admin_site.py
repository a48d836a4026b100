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
