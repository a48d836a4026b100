"""The API's side of the client-file boundary (``maatwerk.clients.file_access``): find a client
by id, open their file with its ground or a reason, and record the look. Stateless: a staff
member who needs a reason gives it with every request."""

from django.db import transaction
from django.utils.translation import gettext as _

from maatwerk.access.rules import ClientAccess, client_access
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import find_client
from maatwerk.clients.models import Client

from .errors import ApiError
from .schemas import REASON_MIN_LENGTH


def client_or_404(id: int, clients=None) -> Client:
    """A real client by id; an unknown or out-of-range id and a practice account are a 404."""
    if clients is None:
        clients = Client.objects.select_related("office", "preference")
    client = find_client(id, clients)
    if client is None:
        raise ApiError(404, _("Deze cliënt bestaat niet."), "not_found")
    return client


def api_reason(user, client: Client, access: ClientAccess, reason: str) -> str:
    """The reason given, recorded for this client, when ``access`` needs one; an empty string
    when it lets the user in without one; a 403 ``ApiError`` when none is given or none would
    do."""
    if access.allowed:
        return ""
    if not access.needs_reason:
        raise ApiError(403, _("Je hebt geen toegang tot het dossier van deze cliënt."), "forbidden")
    reason = (reason or "").strip()
    if len(reason) < REASON_MIN_LENGTH:
        raise ApiError(
            403,
            _(
                "Deze cliënt staat niet op je eigen lijst. Geef met de parameter 'reason' in "
                "minstens 10 tekens aan waarom je dit dossier opent; de reden wordt vastgelegd."
            ),
            "reason_required",
        )
    client_actions.give_access_reason(user=user, client=client, reason=reason)
    return reason


def open_file(request, client: Client, reason: str) -> str:
    """Check an API caller's access to one client file, recording a given reason. Returns the
    ground: the implied one (own client, own office) or the reason given."""
    access = client_access(request.auth, client)
    return api_reason(request.auth, client, access, reason) or access.implied_reason


def view_file(request, client: Client, reason: str) -> str:
    """Open the file and record the look with its ground, together. Returns the ground."""
    with transaction.atomic():
        ground = open_file(request, client, reason)
        client_actions.record_file_view(user=request.auth, client=client, reason=ground)
    return ground
