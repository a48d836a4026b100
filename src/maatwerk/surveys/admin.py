"""Surveys are built in the researcher's pages (werk/onderzoek/), where publishing freezes them,
and rules after a contact and interview sessions are made there too: the admin only looks.
Removing a survey is the one change made here, and it is audited."""

from django.contrib import admin

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import AfterContactRule, InterviewSession, Survey


@admin.register(Survey)
class SurveyAdmin(AuditedAdmin):
    list_display = ["title", "kind", "status", "published_at"]
    list_filter = ["kind", "status"]
    readonly_fields = [f.name for f in Survey._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(AfterContactRule)
class AfterContactRuleAdmin(ReadOnlyAdmin):
    list_display = ["event_kind", "survey", "expires_after_days", "is_active"]
    readonly_fields = ["event_kind", "survey", "expires_after_days", "is_active", "created_by"]


@admin.register(InterviewSession)
class InterviewSessionAdmin(ReadOnlyAdmin):
    list_display = ["survey", "office", "opened_by", "opened_at", "closed_at"]
    readonly_fields = ["survey", "office", "opened_by", "opened_at", "closed_at"]
