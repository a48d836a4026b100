"""Writes to offices and staff. Each one is audited in the same transaction."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from maatwerk.audit import actions as audit

from .models import Office, StaffMember


def create_staff_member(
    *,
    username: str,
    password: str | None,
    first_name: str,
    surname: str,
    job_title: str,
    offices: list[Office],
    roles: list[Group],
    surname_prefix: str = "",
    email: str = "",
    phone: str = "",
    by_user=None,
) -> StaffMember:
    staff = StaffMember(
        first_name=first_name,
        surname_prefix=surname_prefix,
        surname=surname,
        job_title=job_title,
        email=email,
        phone=phone,
    )
    staff.full_clean(exclude=["user"])
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=username, email=email)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        staff.user = user
        staff.save()
        staff.offices.set(offices)
        staff.roles.set(roles)
        audit.log(
            "staff.created",
            user=by_user,
            about=staff,
            data={"roles": sorted(r.name for r in roles), "offices": [o.pk for o in offices]},
        )
    return staff
