import pytest
from django.contrib.auth import get_user_model

from maatwerk.appointments import demo
from maatwerk.appointments.models import Appointment, Availability
from maatwerk.core.tests import factories

pytestmark = pytest.mark.django_db


def test_demo_step_gives_availability_and_appointments(office):
    adviser = factories.make_staff("Adviseur werk", offices=[office], username="adviseur")
    factories.make_staff("E-werkcoach", offices=[office])
    factories.make_staff("Vestigingsmanager", offices=[office])  # no caseload: no agenda
    other = factories.make_staff("Adviseur werk", offices=[office])
    klant_user = factories.make_client(contact_person=other, user=True).user
    get_user_model().objects.filter(pk=klant_user.pk).update(username="klant")
    for _ in range(4):
        factories.make_client(contact_person=adviser)
    demo.load()
    assert Availability.objects.count() == 3 * 5 * len(demo.BLOCKS)
    assert Appointment.objects.filter(client__user=klant_user).count() == 1
    assert Appointment.objects.filter(staff=adviser).count() == demo.ADVISER_APPOINTMENTS
    demo.load()  # again: nothing doubles
    assert Availability.objects.count() == 3 * 5 * len(demo.BLOCKS)
