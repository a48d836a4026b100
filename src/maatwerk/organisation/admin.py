from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.validators import single_line

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
