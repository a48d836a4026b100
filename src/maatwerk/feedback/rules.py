"""Who may do what with feedback, compliments and improvement points (object level;
permissions say what at all). Views and actions both ask these (ADR 0023)."""

from maatwerk.access.rules import staff_of
from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember

from .models import FeedbackItem, ImprovementPoint
from .queries import MANAGE_FEEDBACK, contacts_of, office_staff


def may_compliment(client: Client, staff: StaffMember) -> bool:
    return (
        contacts_of(client).filter(pk=staff.pk).exists()
        or office_staff(client).filter(pk=staff.pk).exists()
    )


def may_manage(user, item: FeedbackItem) -> bool:
    staff = staff_of(user)
    return (
        staff is not None
        and user.has_perm(f"feedback.{MANAGE_FEEDBACK}")
        and staff.offices.filter(pk=item.office_id).exists()
    )


def may_record_for(user, client: Client) -> bool:
    """May this staff member record an input on the client's behalf (a call, a letter, an e-mail,
    a visit to the desk)? Staff who answer feedback, for a client of an office where they work or
    on their own caseload; a practice account only for its owner."""
    staff = staff_of(user)
    if staff is None or client is None or not user.has_perm("feedback.answer_feedback"):
        return False
    if client.is_practice:
        return client.practice_owner_id == staff.pk
    return (
        staff.offices.filter(pk=client.office_id).exists()
        or client.assignments.filter(staff=staff, ended_at__isnull=True).exists()
    )


def may_view_item(user, item: FeedbackItem) -> bool:
    staff = staff_of(user)
    return staff is not None and (item.owner_id == staff.pk or may_manage(user, item))


def may_record_at(user, office_id: int) -> bool:
    """Sessions belong to an office: its own staff record and read them; researchers work
    across the organisation (``sessions_everywhere``)."""
    staff = staff_of(user)
    if staff is None or not user.has_perm("feedback.record_sessions"):
        return False
    if user.has_perm("feedback.sessions_everywhere"):
        return True
    return staff.offices.filter(pk=office_id).exists()


def may_update_point(user, point: ImprovementPoint) -> bool:
    staff = staff_of(user)
    return staff is not None and (
        point.owner_id == staff.pk or may_record_at(user, point.session.office_id)
    )
