"""The API's side of the client-file boundary (``maatwerk.clients.file_access``): find a client
by id, open their file with its ground or a reason, and record the look. Stateless: a staff
member who needs a reason gives it with every request.

An id never tells a caller more than opening the file would (ADR 0030): a file the caller has no
ground for at all answers the same 404 as an unknown id, and for a caller who may open any file
with a reason, an unknown id asks for a reason just like an existing file does. Only a reason,
which is recorded with the client, tells such a caller that the client exists.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from maatwerk.access.rules import ClientAccess, client_access, staff_of
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import find_client
from maatwerk.clients.models import Client

from .errors import ApiError
from .schemas import REASON_MIN_LENGTH


def _client_not_found() -> ApiError:
    return ApiError(404, _("Deze cliënt bestaat niet."), "not_found")


def _reason_required() -> ApiError:
    return ApiError(
        403,
        _(
            "Deze cliënt staat niet op je eigen lijst. Geef met de parameter 'reason' in "
            "minstens 10 tekens aan waarom je dit dossier opent; de reden wordt vastgelegd."
        ),
        "reason_required",
    )


def _gives_reasons(user) -> bool:
    """Would a reason open a file this caller has no ground for (``client_access``)?"""
    return staff_of(user) is not None and user.has_perm("access.view_client_with_reason")


def _usable(reason: str) -> str:
    reason = (reason or "").strip()
    return reason if len(reason) >= REASON_MIN_LENGTH else ""


def unknown(user, reason: str, not_found: ApiError) -> ApiError:
    """What an id that finds nothing answers: what a file without a ground would answer, so the
    two cannot be told apart. ``not_found`` is the caller's own 404 ("this thread does not
    exist")."""
    if _gives_reasons(user) and not _usable(reason):
        return _reason_required()
    return not_found


def client_or_404(id: int, clients=None, *, user=None, reason: str = "") -> Client:
    """A real client by id; an unknown or out-of-range id and a practice account are a 404, or,
    given the ``user`` and ``reason`` of the request, the answer of ``unknown``."""
    if clients is None:
        clients = Client.objects.select_related("office", "preference")
    client = find_client(id, clients)
    if client is None:
        raise unknown(user, reason, _client_not_found()) if user else _client_not_found()
    return client


def api_reason(
    user, client: Client, access: ClientAccess, reason: str, *, not_found: ApiError | None = None
) -> str:
    """The reason given, recorded for this client, when ``access`` needs one; an empty string
    when it lets the user in without one; 403 ``reason_required`` when a reason would open it
    but none is given; and when no reason would, the 404 of an unknown id (``not_found``, by
    default the client's)."""
    if access.allowed:
        return ""
    if not access.needs_reason:
        raise not_found or _client_not_found()
    given = _usable(reason)
    if not given:
        raise _reason_required()
    client_actions.give_access_reason(user=user, client=client, reason=given)
    return given


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
