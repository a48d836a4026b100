"""A staff member's name and job title stand in client e-mails' subject lines ("U heeft een
antwoord van …"): the admin refuses a line break in them (docs/adr/0029)."""

import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _form(staff, **changes):
    return {
        "user": staff.user.pk,
        "first_name": staff.first_name,
        "surname_prefix": staff.surname_prefix,
        "surname": staff.surname,
        "job_title": staff.job_title,
        "phone": staff.phone,
        "email": staff.email,
        "offices": [office.pk for office in staff.offices.all()],
        "roles": [role.pk for role in staff.roles.all()],
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize("field", ["first_name", "surname_prefix", "surname", "job_title"])
def test_a_line_break_in_a_name_or_job_title_is_refused(login, administrator, adviser, field):
    web = login(administrator.user)
    url = reverse("admin:organisation_staffmember_change", args=[adviser.pk])
    response = web.post(url, _form(adviser, **{field: "Adviseur\r\nBcc: x@example.org"}))
    assert response.status_code == 200
    assert "zonder regeleinden" in response.text
    adviser.refresh_from_db()
    assert "\n" not in getattr(adviser, field)


def test_a_changed_job_title_is_on_the_record(login, administrator, adviser):
    web = login(administrator.user)
    url = reverse("admin:organisation_staffmember_change", args=[adviser.pk])
    old = adviser.job_title
    response = web.post(url, _form(adviser, job_title="Werkcoach"))
    assert response.status_code == 302, response.text[:1500]
    entry = AuditEntry.objects.get(action="admin.changed", object_id=str(adviser.pk))
    assert entry.data["values"] == {"job_title": {"from": old, "to": "Werkcoach"}}
