"""Whose portal a page shows. ``client_or_practice`` lets a client and any staff member with the
practice right in; only the client, or a staff member with their practice account open, has a
portal to show (ADR 0023)."""

from maatwerk.access.rules import require
from maatwerk.clients.models import Client

from .queries import current_client


def may_use_portal(client: Client | None) -> bool:
    return client is not None


def portal_client(request) -> Client:
    """The client whose portal this is; 403 for a staff member without a practice account open."""
    client = current_client(request)
    require(may_use_portal, client)
    return client
