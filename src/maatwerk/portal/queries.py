from maatwerk.access.rules import client_of, staff_of
from maatwerk.clients.models import Client, ContactAssignment
from maatwerk.core import client_overview
from maatwerk.timeline.queries import events_for_client

PRACTICE_SESSION_KEY = "practice_client_id"
RECENT_EVENTS = 5  # on the home page; the rest is on the timeline page


def current_client(request) -> Client | None:
    """The client whose portal this is: the logged-in client, or a staff member's practice
    account."""
    client = client_of(request.user)
    if client is not None:
        return client
    staff = staff_of(request.user)
    practice_id = request.session.get(PRACTICE_SESSION_KEY)
    if staff is None or practice_id is None:
        return None
    return Client.objects.filter(pk=practice_id, is_practice=True, practice_owner=staff).first()


def current_contact_person(client: Client):
    """The client's contact person, only while in service: an adviser who left is never shown,
    even for the moment before their assignment is closed (ADR 0032)."""
    assignment = (
        ContactAssignment.objects.filter(
            client=client,
            ended_at__isnull=True,
            staff__is_active=True,
            staff__user__is_active=True,
        )
        .select_related("staff")
        .first()
    )
    return assignment.staff if assignment else None


def home(client: Client) -> dict:
    """What "Mijn Werkbedrijf" shows, in order: what matters now (cards from the capabilities,
    through core.client_overview), the client's adviser, and the latest events."""
    recent = list(events_for_client(client)[: RECENT_EVENTS + 1])
    return {
        "now": client_overview.now_for(client),
        "adviser": current_contact_person(client),
        "recent": recent[:RECENT_EVENTS],
        "more_events": len(recent) > RECENT_EVENTS,
    }
