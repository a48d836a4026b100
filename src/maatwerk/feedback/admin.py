"""Read-only views in the admin: every change goes through the actions (and their history)."""

from django.contrib import admin

from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import Compliment, DialogueSession, FeedbackItem, ImprovementPoint


@admin.register(Compliment)
class ComplimentAdmin(ReadOnlyAdmin):
    list_display = ["staff", "created_at", "anonymous"]
    raw_id_fields = ["client", "staff"]


@admin.register(FeedbackItem)
class FeedbackItemAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "office", "status", "owner", "deadline", "submitted_at"]
    list_filter = ["kind", "status", "office"]
    raw_id_fields = ["client", "owner", "answered_by"]


@admin.register(DialogueSession)
class DialogueSessionAdmin(ReadOnlyAdmin):
    list_display = ["kind", "held_on", "office", "topic"]
    list_filter = ["kind", "office"]


@admin.register(ImprovementPoint)
class ImprovementPointAdmin(ReadOnlyAdmin):
    list_display = ["text", "owner", "status", "council_advice_ref"]
    list_filter = ["status"]
