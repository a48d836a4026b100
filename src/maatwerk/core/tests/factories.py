"""Factories for tests. Clients and staff are made through the real actions."""

import datetime as dt
import itertools

import factory
from django.contrib.auth.models import Group

from maatwerk.clients import actions as client_actions
from maatwerk.organisation import actions as organisation_actions
from maatwerk.organisation.models import Office, OpeningHours, Region

PASSWORD = "Werkplein-Test-2026"  # noqa: S105
_bsn_counter = itertools.count(100000000)


def next_bsn() -> str:
    """A fresh number that passes the eleven-test."""
    from maatwerk.clients.validators import is_valid_bsn

    while True:
        candidate = str(next(_bsn_counter))
        if is_valid_bsn(candidate):
            return candidate


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Regio {n}")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Amersfoort {n}")
    region = factory.SubFactory(RegionFactory)
    street = "Stationsplein"
    house_number = "1"
    postal_code = "1012 AB"
    city = "Amsterdam"

    @factory.post_generation
    def hours(self, create, extracted, **kwargs):
        if create:
            for weekday in range(5):
                OpeningHours.objects.create(
                    office=self, weekday=weekday, opens=dt.time(8, 30), closes=dt.time(17, 0)
                )


def role(name: str) -> Group:
    return Group.objects.get(name=name)


_staff_counter = itertools.count(1)


def make_staff(role_name: str = "Adviseur werk", *, offices=None, **overrides):
    n = next(_staff_counter)
    values = {
        "username": f"medewerker{n}",
        "password": PASSWORD,
        "first_name": "Anna",
        "surname": f"de Vries{n}",
        "job_title": "Adviseur werk",
        "offices": offices if offices is not None else [OfficeFactory()],
        "roles": [role(role_name)] if role_name else [],
        "email": f"medewerker{n}@example.org",
        "phone": "088 123 45 67",
    }
    values.update(overrides)
    return organisation_actions.create_staff_member(**values)


def make_client(*, contact_person=None, office=None, user=False, **overrides):
    """A client registered by the real action; `user=True` gives them a log-in."""
    from django.contrib.auth import get_user_model

    contact_person = contact_person or make_staff()
    office = office or contact_person.offices.first()
    values = {
        "bsn": next_bsn(),
        "first_name": "Jan",
        "surname": "Jansen",
        "date_of_birth": dt.date(1980, 5, 17),
        "office": office,
        "contact_person": contact_person,
        "benefit_start": dt.date(2026, 9, 1),
        "benefit_expected_end": dt.date(2027, 4, 1),
        "email": "jan@example.org",
    }
    if user:
        values["user"] = get_user_model().objects.create_user(
            username=f"client-{values['bsn']}", password=PASSWORD
        )
    values.update(overrides)
    return client_actions.register_client(**values)
