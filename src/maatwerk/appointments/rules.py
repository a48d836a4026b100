"""Who may do what with appointments and agendas (object level; permissions say what at all)."""

from maatwerk.access.rules import client_access, current_contact_id, staff_of
from maatwerk.clients.models import Client
from maatwerk.organisation.models import Office, StaffMember

from .models import Appointment, OfficeAgenda

DEFAULT_WEEKS_AHEAD = 4
BOOK = "appointments.book_for_client"
AGENDA = "appointments.view_agenda"
MANAGE = "appointments.manage_availability"


def agenda_of(office: Office) -> OfficeAgenda | None:
    return OfficeAgenda.objects.filter(office=office).first()


def weeks_ahead(office: Office) -> int:
    agenda = agenda_of(office)
    return agenda.weeks_ahead if agenda is not None else DEFAULT_WEEKS_AHEAD


def contact_person_id(client: Client) -> int | None:
    return current_contact_id(client)


def manages_office(user, office_id: int) -> bool:
    staff = staff_of(user)
    return (
        staff is not None and user.has_perm(MANAGE) and staff.offices.filter(pk=office_id).exists()
    )


def may_handle(user, appointment: Appointment) -> bool:
    """Staff who may cancel, move or record the outcome of an appointment: the staff member it is
    with, a manager of its office, or staff who may book for the client and see their file."""
    staff = staff_of(user)
    if staff is None:
        return False
    if appointment.staff_id == staff.pk and user.has_perm(AGENDA):
        return True
    if manages_office(user, appointment.office_id):
        return True
    return user.has_perm(BOOK) and client_access(user, appointment.client).allowed


def may_see_agenda_of(user, staff_member: StaffMember) -> bool:
    """Staff see their own agenda; managers the agendas of their offices' staff."""
    me = staff_of(user)
    if me is None:
        return False
    if me.pk == staff_member.pk:
        return user.has_perm(AGENDA) or user.has_perm(MANAGE)
    return user.has_perm(MANAGE) and staff_member.offices.filter(pk__in=me.offices.all()).exists()


def may_manage_availability(
    user, staff_member: StaffMember | None, office: Office | None = None
) -> bool:
    """Managers manage the availability of staff at their offices (a block's office must be
    theirs too); staff only see their own. Nobody manages someone who is not there."""
    me = staff_of(user)
    if me is None or staff_member is None or not user.has_perm(MANAGE):
        return False
    mine = me.offices.all()
    if office is not None and not mine.filter(pk=office.pk).exists():
        return False
    return staff_member.offices.filter(pk__in=mine).exists()
