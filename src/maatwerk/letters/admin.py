"""Read-only admin views of templates, versions and steps: they change only through the
actions. Sent letters stay out of the admin: they belong in the client's file."""

from django.contrib import admin

from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import LetterTemplate, ReviewStep, TemplateVersion


class StepInline(admin.TabularInline):
    model = ReviewStep
    extra = 0
    can_delete = False
    fields = ["seq", "kind", "state", "by", "at", "comment", "justification"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReadOnlyAdmin):
    list_display = ["title", "latest_number", "published_version", "usable_as_reply"]
    search_fields = ["title"]


@admin.register(TemplateVersion)
class TemplateVersionAdmin(ReadOnlyAdmin):
    list_display = ["template", "number", "created_by", "created_at", "meets_b1"]
    list_filter = ["meets_b1"]
    search_fields = ["template__title", "subject"]
    inlines = [StepInline]


@admin.register(ReviewStep)
class ReviewStepAdmin(ReadOnlyAdmin):
    list_display = ["version", "seq", "kind", "state", "by", "at"]
    list_filter = ["kind"]
