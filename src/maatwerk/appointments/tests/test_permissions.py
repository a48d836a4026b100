"""Every appointments page × every role (see maatwerk.core.tests.permissions). The world's
client has one appointment with their adviser; the manager manages the office's agenda."""

import datetime as dt

import pytest
from django.urls import reverse

from maatwerk.appointments.models import Absence, Appointment, Availability
from maatwerk.core.tests.permissions import (
    CLIENT_FILE,
    client_pk,
    expect,
    get,
    matrix,
    matrix_test,
    pk_of,
    post,
)

from .helpers import at, available, book, kind, workday

pytestmark = pytest.mark.django_db


def _appointment(world) -> Appointment:
    found = Appointment.objects.filter(client=world["client"]).first()
    if found is not None:
        return found
    if not Availability.objects.filter(staff=world["adviser"]).exists():
        available(world["adviser"], world["office"])
    return book(world["client"], world["office"], at(workday(), 10))


def _block(world) -> Availability:
    _appointment(world)
    return Availability.objects.filter(staff=world["adviser"]).first()


def _absence(world) -> Absence:
    return Absence.objects.create(
        staff=world["adviser"],
        starts_at=at(workday(5), 9),
        ends_at=at(workday(5), 17),
        reason="Cursus",
    )


def _slots_query(world) -> str:
    _appointment(world)
    return f"?vestiging={world['office'].pk}&soort={kind().pk}&week=1"


CLIENT_ONLY = expect(403, client=200)
AGENDA = expect(403, adviser=200, other_adviser=200, manager=200)
HANDLER = expect(403, adviser=302, manager=302)
MANAGER_POST = expect(403, manager=302)

MATRIX = matrix(
    get("appointments:mine", CLIENT_ONLY),
    get("appointments:choose", CLIENT_ONLY),
    get("appointments:slots", CLIENT_ONLY, query=_slots_query),
    get("appointments:confirm", expect(403, client=302)),
    get("appointments:detail", CLIENT_ONLY, args=pk_of(_appointment)),
    get("appointments:cancel", CLIENT_ONLY, args=pk_of(_appointment)),
    get("appointments:move", CLIENT_ONLY, args=pk_of(_appointment)),
    get("appointments:agenda", AGENDA),
    get(
        "appointments:staff_detail",
        expect(403, adviser=200, manager=200),
        args=pk_of(_appointment),
    ),
    post("appointments:outcome", HANDLER, args=pk_of(_appointment)),
    post("appointments:staff_cancel", HANDLER, args=pk_of(_appointment)),
    get("appointments:staff_choose", CLIENT_FILE, args=client_pk),
    get("appointments:staff_slots", CLIENT_FILE, args=client_pk, query=_slots_query),
    get(
        "appointments:staff_confirm",
        expect(403, adviser=302, other_adviser=302, manager=302),
        args=client_pk,
    ),
    get("appointments:availability", AGENDA),
    post("appointments:availability_add", expect(403, manager=400)),
    post("appointments:availability_remove", MANAGER_POST, args=pk_of(_block)),
    post("appointments:absence_add", expect(403, manager=400)),
    post("appointments:absence_remove", MANAGER_POST, args=pk_of(_absence)),
)


test_permission_matrix = matrix_test(MATRIX)


def test_a_client_never_reaches_another_clients_appointment(client, role_world):
    from maatwerk.core.tests import factories

    appointment = _appointment(role_world)
    other = factories.make_client(contact_person=role_world["adviser"], user=True)
    client.force_login(other.user)
    for name in ("detail", "cancel", "move"):
        assert client.get(reverse(f"appointments:{name}", args=[appointment.pk])).status_code == 404
    assert client.post(reverse("appointments:cancel", args=[appointment.pk])).status_code == 404
    response = client.post(
        reverse("appointments:move", args=[appointment.pk]),
        {"tijd": at(workday(), 14).isoformat()},
    )
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == "booked" and appointment.starts_at == at(workday(), 10)
    assert dt.timedelta(0) < appointment.ends_at - appointment.starts_at
