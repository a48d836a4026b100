"""Every appointments page × every role (see maatwerk.core.tests.permissions). The world's
client has one appointment with their adviser; the manager manages the office's agenda."""

import datetime as dt

import pytest
from django.urls import reverse

from maatwerk.appointments.models import Absence, Appointment, Availability
from maatwerk.core.tests.permissions import ROLES, check_route, expect

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

MATRIX = {
    "appointments:mine": ("get", lambda w: reverse("appointments:mine"), CLIENT_ONLY),
    "appointments:choose": ("get", lambda w: reverse("appointments:choose"), CLIENT_ONLY),
    "appointments:slots": (
        "get",
        lambda w: reverse("appointments:slots") + _slots_query(w),
        CLIENT_ONLY,
    ),
    "appointments:confirm": (
        "get",
        lambda w: reverse("appointments:confirm"),
        expect(403, client=302),
    ),
    "appointments:detail": (
        "get",
        lambda w: reverse("appointments:detail", args=[_appointment(w).pk]),
        CLIENT_ONLY,
    ),
    "appointments:cancel": (
        "get",
        lambda w: reverse("appointments:cancel", args=[_appointment(w).pk]),
        CLIENT_ONLY,
    ),
    "appointments:move": (
        "get",
        lambda w: reverse("appointments:move", args=[_appointment(w).pk]),
        CLIENT_ONLY,
    ),
    "appointments:agenda": ("get", lambda w: reverse("appointments:agenda"), AGENDA),
    "appointments:staff_detail": (
        "get",
        lambda w: reverse("appointments:staff_detail", args=[_appointment(w).pk]),
        expect(403, adviser=200, manager=200),
    ),
    "appointments:outcome": (
        "post",
        lambda w: reverse("appointments:outcome", args=[_appointment(w).pk]),
        HANDLER,
    ),
    "appointments:staff_cancel": (
        "post",
        lambda w: reverse("appointments:staff_cancel", args=[_appointment(w).pk]),
        HANDLER,
    ),
    "appointments:staff_choose": (
        "get",
        lambda w: reverse("appointments:staff_choose", args=[w["client"].pk]),
        expect(403, adviser=200, other_adviser=302, manager=200),
    ),
    "appointments:staff_slots": (
        "get",
        lambda w: reverse("appointments:staff_slots", args=[w["client"].pk]) + _slots_query(w),
        expect(403, adviser=200, other_adviser=302, manager=200),
    ),
    "appointments:staff_confirm": (
        "get",
        lambda w: reverse("appointments:staff_confirm", args=[w["client"].pk]),
        expect(403, adviser=302, other_adviser=302, manager=302),
    ),
    "appointments:availability": ("get", lambda w: reverse("appointments:availability"), AGENDA),
    "appointments:availability_add": (
        "post",
        lambda w: reverse("appointments:availability_add"),
        expect(403, manager=400),
    ),
    "appointments:availability_remove": (
        "post",
        lambda w: reverse("appointments:availability_remove", args=[_block(w).pk]),
        MANAGER_POST,
    ),
    "appointments:absence_add": (
        "post",
        lambda w: reverse("appointments:absence_add"),
        expect(403, manager=400),
    ),
    "appointments:absence_remove": (
        "post",
        lambda w: reverse("appointments:absence_remove", args=[_absence(w).pk]),
        MANAGER_POST,
    ),
}


@pytest.mark.parametrize("route", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, role_world, route, role):
    check_route(client, role_world, role, *MATRIX[route])


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
