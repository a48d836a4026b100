"""The panel's rules are data for administrators: topics, stratum bands and the contact rules.
Every change is audited with its old and new values; none of them is ever deleted (plans and
their reports refer to them: switch a topic off instead)."""

from django.contrib import admin

from maatwerk.audit.admin_base import AuditedRuleAdmin

from .models import Band, ContactRules, Topic


@admin.register(Topic)
class TopicAdmin(AuditedRuleAdmin):
    list_display = ["name", "is_active"]


@admin.register(Band)
class BandAdmin(AuditedRuleAdmin):
    list_display = ["dimension", "label", "lower", "upper"]
    list_filter = ["dimension"]


@admin.register(ContactRules)
class ContactRulesAdmin(AuditedRuleAdmin):
    list_display = ["max_per_year", "min_days_between", "reminder_after_days", "valid_days"]

    def has_add_permission(self, request):
        return not ContactRules.objects.exists() and super().has_add_permission(request)
