"""Kinds of appointment and office agendas in the admin: audited, and a kind is never deleted
(docs/adr/0029)."""

import pytest
from django.urls import reverse

from maatwerk.appointments.models import AppointmentType, OfficeAgenda
from maatwerk.audit.models import AuditEntry

from .helpers import kind

pytestmark = pytest.mark.django_db


def test_changing_a_kind_of_appointment_is_on_the_record(login, administrator):
    web = login(administrator.user)
    talk = kind()
    url = reverse("admin:appointments_appointmenttype_change", args=[talk.pk])
    form = {
        "code": talk.code,
        "name": talk.name,
        "channel": talk.channel,
        "duration_minutes": 15,
        "is_active": "on",
        "order": talk.order,
    }
    assert web.post(url, form).status_code == 302
    entry = AuditEntry.objects.get(action="admin.changed", object_id=str(talk.pk))
    assert entry.object_type == "appointments.appointmenttype"
    assert entry.data["values"] == {"duration_minutes": {"from": talk.duration_minutes, "to": 15}}
    delete = reverse("admin:appointments_appointmenttype_delete", args=[talk.pk])
    assert web.get(delete).status_code == 403
    assert AppointmentType.objects.filter(pk=talk.pk).exists()


def test_an_office_agenda_added_in_the_admin_is_on_the_record(login, administrator, office):
    web = login(administrator.user)
    form = {"office": office.pk, "plugin": "builtin", "weeks_ahead": 6, "step_free": "on"}
    assert web.post(reverse("admin:appointments_officeagenda_add"), form).status_code == 302
    agenda = OfficeAgenda.objects.get(office=office)
    entry = AuditEntry.objects.get(action="admin.added", object_id=str(agenda.pk))
    assert entry.data["values"]["weeks_ahead"] == {"to": 6}
