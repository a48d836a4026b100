from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from maatwerk.core.admin_base import ReadOnlyAdmin

from . import actions
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Read and revoke only. Tokens are made with `maatwerk api_token create`, which shows the
    secret once; the admin never sees it, only its hash is stored."""

    list_display = ["name", "user", "created_at", "last_used_at", "expires_at", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name", "user__username"]
    readonly_fields = [
        "user",
        "name",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked",
        "revoked_at",
    ]
    exclude = ["token_hash"]
    actions = ["revoke"]
    show_full_result_count = False

    def has_revoke_permission(self, request):
        return request.user.has_perm("api.revoke_apitoken")

    @admin.action(description=_("Geselecteerde API-sleutels intrekken"), permissions=["revoke"])
    def revoke(self, request, queryset):
        revoked = sum(actions.revoke_token(token=token, by_user=request.user) for token in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d API-sleutel ingetrokken.",
                "%(count)d API-sleutels ingetrokken.",
                revoked,
            )
            % {"count": revoked},
            messages.SUCCESS,
        )
