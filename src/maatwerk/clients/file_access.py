"""Opening a client's file from another app's staff page, under the client file's own rules."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect

from maatwerk.access.rules import client_access

from . import access_grants
from . import actions as client_actions
from .models import Client


def open_client_file(request, pk: int, clients=None):
    """``(client, None)`` when this staff member may open the client's file, ``(None, redirect)``
    to give a reason first, or 403 when no reason opens it. A GET is recorded as a look at the
    file (with the implied or given reason), as the client file itself does.

    ``clients`` is the queryset to find the client in (for ``select_related``)."""
    client = get_object_or_404(Client.objects.all() if clients is None else clients, pk=pk)
    access = client_access(request.user, client)
    if access.allowed:
        reason = access.implied_reason
    elif access.needs_reason:
        reason = access_grants.granted_reason(request.session, client.pk)
        if reason is None:
            return None, redirect("clients:access_reason", pk=client.pk)
    else:
        raise PermissionDenied
    if request.method == "GET":
        client_actions.record_file_view(user=request.user, client=client, reason=reason)
    return client, None
