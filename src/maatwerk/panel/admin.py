from django.contrib import admin

from .models import Band, ContactRules, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]


@admin.register(Band)
class BandAdmin(admin.ModelAdmin):
    list_display = ["dimension", "label", "lower", "upper"]
    list_filter = ["dimension"]


@admin.register(ContactRules)
class ContactRulesAdmin(admin.ModelAdmin):
    list_display = ["max_per_year", "min_days_between", "reminder_after_days", "valid_days"]

    def has_add_permission(self, request):
        return not ContactRules.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
