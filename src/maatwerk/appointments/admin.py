"""Django admin (in Dutch): the kinds of appointment and each office's agenda system are data
for administrators, changed on the record (audited); a kind of appointment is never deleted
(appointments refer to it: switch it off instead). Availability is kept on the managers' own
page (it is audited there), and appointments change only through the actions, so both are
read-only here."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from maatwerk.audit.admin_base import AuditedAdmin, AuditedRuleAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin

from .agenda import registry
from .models import Appointment, AppointmentType, Availability, OfficeAgenda


@admin.register(AppointmentType)
class AppointmentTypeAdmin(AuditedRuleAdmin):
    list_display = ["name", "code", "channel", "duration_minutes", "is_active", "order"]
    list_filter = ["channel", "is_active"]


class OfficeAgendaForm(forms.ModelForm):
    plugin = forms.ChoiceField(label=_("agendasysteem"), choices=registry.choices)

    class Meta:
        model = OfficeAgenda
        fields = ["office", "plugin", "weeks_ahead", "step_free"]


@admin.register(OfficeAgenda)
class OfficeAgendaAdmin(AuditedAdmin):
    form = OfficeAgendaForm
    list_display = ["office", "plugin", "weeks_ahead", "step_free"]
    list_select_related = ["office"]


@admin.register(Availability)
class AvailabilityAdmin(ReadOnlyAdmin):
    list_display = ["staff", "office", "weekday", "starts", "ends", "valid_from", "valid_until"]
    list_select_related = ["staff", "office"]
    list_filter = ["weekday"]


@admin.register(Appointment)
class AppointmentAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "type", "office", "staff", "status"]
    list_select_related = ["type", "office", "staff"]
    list_filter = ["status", "type"]
    date_hierarchy = "starts_at"
    exclude = ["client"]  # the client file is opened with a ground or reason, not here
