"""Finding a client (or another object) by an id from a URL or an API call, and opening a
client's file with its ground or a reason: the one boundary every page and API operation uses.

The API's side (a reason with every request, JSON errors) is ``maatwerk.api.client_files``,
built on this module."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404, redirect

from maatwerk.access.rules import ClientAccess, client_access

from . import access_grants
from . import actions as client_actions
from .models import Client

# Larger ids cannot exist in a 64-bit primary key; they are simply unknown (the database would
# refuse the number rather than find nothing).
MAX_ID = 2**63 - 1


def valid_id(id: int | None) -> bool:
    """Could a row have this id at all?"""
    return id is not None and 0 < id <= MAX_ID


def find(queryset: QuerySet, id: int | None) -> Model | None:
    """The row with this id, or None when there is none (an out-of-range id included)."""
    return queryset.filter(pk=id).first() if valid_id(id) else None


def find_client(id: int | None, clients: QuerySet[Client] | None = None) -> Client | None:
    """A real client by id, or None. Practice accounts do not exist for anyone looking a client
    up by id; their owner reaches them through the portal. ``clients`` narrows or
    ``select_related``s the search."""
    return find((Client.objects.all() if clients is None else clients).real(), id)


def page_ground(request, client: Client, access: ClientAccess, implied: str = "") -> str | None:
    """For a page: the ground for this look at the file, or None when a reason must be given
    first (a reason given on the reason page opens the file for a while, see access_grants).
    403 when no reason would open it. ``implied`` replaces the access's own ground text."""
    if access.allowed:
        return implied or access.implied_reason
    if access.needs_reason:
        return access_grants.granted_reason(request.session, client.pk)
    raise PermissionDenied


def open_client_file(request, pk: int, clients: QuerySet[Client] | None = None):
    """``(client, None)`` when this staff member may open the client's file, ``(None, redirect)``
    to give a reason first, or 403 when no reason opens it. A GET is recorded as a look at the
    file (with the implied or given reason), as the client file itself does.

    ``clients`` is the queryset to find the client in (for ``select_related``)."""
    client = get_object_or_404(Client.objects.all() if clients is None else clients, pk=pk)
    reason = page_ground(request, client, client_access(request.user, client))
    if reason is None:
        return None, redirect("clients:access_reason", pk=client.pk)
    if request.method == "GET":
        client_actions.record_file_view(user=request.user, client=client, reason=reason)
    return client, None
