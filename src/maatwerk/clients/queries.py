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
