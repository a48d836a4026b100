"""Who may do what with surveys at object level (ADR 0023)."""

from maatwerk.access.rules import client_access, staff_of

from .models import ContactQuestion


def may_enter_contact_answers(user, question: ContactQuestion) -> bool:
    """May this staff member type in, during a phone call, the client's answers to a short
    question after a contact? Staff with the client's file open to them on a ground (contact
    person, office manager) may; never about their own contact, since the client's answers are
    about them."""
    staff = staff_of(user)
    if staff is None or question.staff_id == staff.pk:
        return False
    return client_access(user, question.client).allowed
