from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.validators import single_line

from . import actions
from .models import Office, OpeningHours, Organisation, Region, Role, StaffMember


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "phone"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Organisation.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    search_fields = ["name"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Office)
class OfficeAdmin(AuditedAdmin):
    list_display = ["name", "region", "city", "is_active"]
    list_filter = ["region", "is_active"]
    search_fields = ["name", "city"]
    inlines = [OpeningHoursInline]


@admin.register(StaffMember)
class StaffMemberAdmin(AuditedAdmin):
    list_display = ["surname", "first_name", "job_title", "is_active"]
    list_filter = ["is_active", "roles", "offices"]
    search_fields = ["first_name", "surname", "job_title", "user__username"]
    filter_horizontal = ["offices", "roles"]
    raw_id_fields = ["user"]

    # Name and job title sign the e-mails to clients, in the subject line too ("U heeft een
    # antwoord van …"), where a line break is refused.
    single_line_fields = {"first_name", "surname_prefix", "surname", "job_title"}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in self.single_line_fields:
            field.validators.append(single_line)
        return field

    def save_model(self, request, obj, form, change):
        # Out of service, or off an office, goes through the actions: they hand the work the
        # staff member leaves back to the office (ADR 0032). The form saves the other fields.
        request.staff_leaves_service = (
            change and "is_active" in form.changed_data and (not obj.is_active)
        )
        if request.staff_leaves_service:
            obj.is_active = True
        request.staff_offices_before = set(obj.offices.all()) if change else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        staff = form.instance
        if getattr(request, "staff_leaves_service", False):
            actions.deactivate_staff(staff=staff, by_user=request.user)
            staff.refresh_from_db(fields=["is_active"])
        elif change:
            left = getattr(request, "staff_offices_before", set()) - set(staff.offices.all())
            actions.leave_offices(staff=staff, offices=left, by_user=request.user)

    def has_delete_permission(self, request, obj=None):
        # Staff are never deleted: their names stay on the timeline. Set 'in dienst' off instead.
        return False


admin.site.unregister(Group)


@admin.register(Role)
class RoleAdmin(AuditedAdmin, GroupAdmin):
    pass


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AccountAdmin(AuditedAdmin, UserAdmin):
    pass
