from django.contrib import admin

from .models import AfterContactRule, InterviewSession, Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "published_at"]
    list_filter = ["kind", "status"]
    # Surveys are built in the researcher's pages (werk/onderzoek/), where publishing freezes
    # them; the admin only looks.
    readonly_fields = [f.name for f in Survey._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(AfterContactRule)
class AfterContactRuleAdmin(admin.ModelAdmin):
    list_display = ["event_kind", "survey", "expires_after_days", "is_active"]
    readonly_fields = ["event_kind", "survey", "expires_after_days", "is_active", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    list_display = ["survey", "office", "opened_by", "opened_at", "closed_at"]
    readonly_fields = ["survey", "office", "opened_by", "opened_at", "closed_at"]

    def has_add_permission(self, request):
        return False
