from django.db.models import Q, QuerySet

from .models import Client, ContactAssignment
from .validators import is_valid_bsn


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
