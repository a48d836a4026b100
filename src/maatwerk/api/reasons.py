"""The API's access reason: stateless, so a reason comes with every request that needs one."""

from django.utils.translation import gettext as _

from maatwerk.access.rules import client_access
from maatwerk.clients import actions as client_actions
from maatwerk.clients.models import Client

from .errors import ApiError
from .schemas import REASON_MIN_LENGTH


def api_reason(user, client: Client, access, reason: str) -> str:
    """For an API request (stateless: a reason comes with every request that needs one): ""
    when ``access`` lets the user in without a reason; the reason given, recorded for this
    client, when one is needed; a 403 ``ApiError`` when none is given or none would do."""
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
