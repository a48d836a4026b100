from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from .models import Client, ContactAssignment
from .validators import is_valid_bsn

# Case-insensitive, so "de Vries" and "De Vries" sort together. On PostgreSQL it also keeps the
# planner from walking the whole client table in name order to fill one caseload page
# (bench/results/pages.md): it filters on the contact person first, then sorts that small set.
BY_NAME = [Lower("surname"), Lower("first_name"), "pk"]
BY_NAME_DESCENDING = [Lower("surname").desc(), Lower("first_name").desc(), "-pk"]


def search_clients(clients: QuerySet[Client], query: str) -> QuerySet[Client]:
    query = " ".join(query.split())
    if not query:
        return clients
    digits = query.replace(" ", "")
    if digits.isdigit():
        return clients.filter(bsn=digits) if is_valid_bsn(digits) else clients.none()
    condition = Q()
    for word in query.split():
        condition &= (
            Q(first_name__icontains=word)
            | Q(surname__icontains=word)
            | Q(surname_prefix__icontains=word)
        )
    return clients.filter(condition)


def assignment_history(client: Client) -> QuerySet[ContactAssignment]:
    return client.assignments.select_related("staff", "assigned_by").order_by("-started_at")


def without_contact_person(offices) -> QuerySet[Client]:
    """Real clients of ``offices`` who have no active contact person, by name."""
    return (
        Client.objects.real()
        .filter(office__in=offices)
        .exclude(assignments__ended_at__isnull=True)
        .select_related("office")
        .order_by(*BY_NAME)
    )


def previous_contact_person(client: Client) -> ContactAssignment | None:
    return client.assignments.select_related("staff").order_by("-started_at").first()


def open_benefit_without_contact_person(today) -> QuerySet[Client]:
    """For the nightly check: every real client whose benefit is still running (expected end
    today or later) and who has no active contact person."""
    return (
        Client.objects.real()
        .filter(benefit_expected_end__gte=today)
        .exclude(assignments__ended_at__isnull=True)
        .select_related("office")
        .order_by("office__name", "pk")
    )


def advisers_of_offices(offices):
    """The active advisers of any of ``offices``: who a manager can give clients to."""
    from maatwerk.access.rules import advisers_of_office
    from maatwerk.organisation.models import StaffMember

    ids = {
        pk for office in offices for pk in advisers_of_office(office).values_list("pk", flat=True)
    }
    return StaffMember.objects.filter(pk__in=ids).order_by("surname", "first_name")
