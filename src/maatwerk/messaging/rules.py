"""Who may read, take, answer and hand over a thread. Built on maatwerk.access.rules: a thread is
part of the client file, so the same grounds apply (and a reason where one is needed), plus one
more: the staff member the thread is assigned to may read and answer it."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from maatwerk.access.rules import ClientAccess, Ground, client_access, staff_of
from maatwerk.organisation.models import StaffMember

from .models import Thread

ANSWER = "messaging.answer_messages"
ASSIGNEE_GROUND = _("behandelaar van dit bericht")


def may_answer(user) -> bool:
    return staff_of(user) is not None and user.has_perm(ANSWER)


def thread_access(user, thread: Thread) -> ClientAccess:
    """Like client_access; the thread's assignee may open it without a reason."""
    staff = staff_of(user)
    if staff is not None and thread.assigned_to_id == staff.pk and user.has_perm(ANSWER):
        return ClientAccess(True, Ground.CONTACT_PERSON)
    return client_access(user, thread.client)


def ground_text(user, thread: Thread, access: ClientAccess) -> str:
    staff = staff_of(user)
    if staff is not None and thread.assigned_to_id == staff.pk:
        return str(ASSIGNEE_GROUND)
    return access.implied_reason


def works_at(staff: StaffMember, office_id: int) -> bool:
    return staff.offices.filter(pk=office_id).exists()


def may_take(user, thread: Thread) -> bool:
    """Pick up an unassigned thread: someone who answers messages at the client's office (or the
    owner of a practice account)."""
    staff = staff_of(user)
    if staff is None or not user.has_perm(ANSWER):
        return False
    if thread.client.is_practice:
        return thread.client.practice_owner_id == staff.pk
    return works_at(staff, thread.client.office_id)


def may_hand_over(user, thread: Thread) -> bool:
    """The assignee hands over their own thread; an unassigned one may be handed to someone by
    anyone who could take it; a manager who may reassign clients may hand over any thread of
    their office."""
    staff = staff_of(user)
    if staff is None or not user.has_perm(ANSWER) or thread.client.is_practice:
        return False
    if thread.assigned_to_id == staff.pk:
        return True
    if thread.assigned_to_id is None:
        return may_take(user, thread)
    return user.has_perm("access.reassign_client") and works_at(staff, thread.client.office_id)


def colleagues_for(thread: Thread) -> QuerySet[StaffMember]:
    """Who can take a thread over: active staff who answer messages at the client's office."""
    app_label, codename = ANSWER.split(".")
    return (
        StaffMember.objects.active()
        .filter(
            offices=thread.client.office_id,
            roles__permissions__codename=codename,
            roles__permissions__content_type__app_label=app_label,
        )
        .exclude(job_title="")
        .distinct()
        .order_by("surname", "first_name", "pk")
    )
