"""The catalogue and the cycle rules are data: administrators edit them here (audited).
Plans themselves change only through the actions (the plan page), so they are read-only."""

from django.contrib import admin

from maatwerk.audit.admin_base import AuditedAdmin, AuditedRuleAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import CycleRule, PlanVersion, ServiceType


@admin.register(ServiceType)
class ServiceTypeAdmin(AuditedAdmin):
    list_display = ["name", "kind", "order", "is_active", "client_can_request", "needs_digital"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]
    fields = [
        "name",
        "code",
        "kind",
        "description",
        "order",
        "is_active",
        "client_can_request",
        "needs_digital",
        "proposed_for_bands",
        "proposed_when_not_digital",
    ]

    def has_delete_permission(self, request, obj=None):
        # Plans refer to services; set 'actief' off instead.
        return False


@admin.register(CycleRule)
class CycleRuleAdmin(AuditedRuleAdmin):
    list_display = ["band", "first_within_days", "follow_ups", "min_gap_days", "end_margin_days"]


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdmin):
    list_display = ["plan", "number", "status", "band", "decided_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["plan"]
