"""Writes to offices and staff. Each one is audited in the same transaction."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from maatwerk.audit import actions as audit
from maatwerk.core import staff_departure

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


def deactivate_staff(*, staff: StaffMember, by_user=None) -> StaffMember:
    """Take a staff member out of service ('in dienst' off). Allowed for the last adviser of an
    office too: the work they leave (clients, follow-ups, threads) is handed back to the office
    by the apps that hold it (``core.staff_departure``), in this same transaction."""
    with transaction.atomic():
        staff = StaffMember.objects.select_for_update().get(pk=staff.pk)
        was_active = staff.is_active
        if was_active:
            staff.is_active = False
            staff.save(update_fields=["is_active"])
        offices = tuple(staff.offices.all())
        staff_departure.run(
            staff_departure.Departure(
                staff=staff, offices=offices, by_user=by_user, out_of_service=True
            )
        )
        audit.log(
            "staff.deactivated",
            user=by_user,
            about=staff,
            data={"offices": [o.pk for o in offices], "was_active": was_active},
        )
    return staff


def leave_offices(*, staff: StaffMember, offices, by_user=None) -> StaffMember:
    """A staff member stops working at ``offices``: their work for clients of those offices is
    handed back to each office (``core.staff_departure``), in one transaction with the audit
    row. Offices they already left are fine: the admin removes them from the form first."""
    offices = tuple(offices)
    if not offices:
        return staff
    with transaction.atomic():
        staff = StaffMember.objects.select_for_update().get(pk=staff.pk)
        staff.offices.remove(*offices)
        staff_departure.run(
            staff_departure.Departure(
                staff=staff, offices=offices, by_user=by_user, out_of_service=False
            )
        )
        audit.log(
            "staff.left_offices",
            user=by_user,
            about=staff,
            data={"offices": sorted(o.pk for o in offices)},
        )
    return staff
