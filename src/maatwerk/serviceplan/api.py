"""The service plan in the API: read one client's plan. Reading is a look into the client file:
the same grounds as the pages, a `reason` where one is needed, and an audit row each time."""

from datetime import date, datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from maatwerk.api.client_files import client_or_404, view_file
from maatwerk.api.errors import ApiError
from maatwerk.api.schemas import REASON_MAX_LENGTH, ErrorOut, PlainText

from . import queries

router = Router(tags=["dienstverleningsplan"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
Reason = Annotated[
    PlainText,
    Query(
        "",
        max_length=REASON_MAX_LENGTH,
        description=(
            "Alleen nodig voor een cliënt die niet op je eigen lijst staat: waarom je het dossier "
            "opent (minstens 10 tekens). De reden komt in het auditlog."
        ),
    ),
]


class ServiceOut(Schema):
    code: str
    name: str
    kind: str
    description: str = Field(description="Uitleg voor de cliënt (B1).")
    why: list[str] = Field(description="Waarom Maatwerk dit voorstelde (leeg als niet).")


class VersionOut(Schema):
    number: int
    status: str = Field(description="'proposed' (voorstel) of 'decided' (vastgelegd).")
    band: str = Field(description="Werkverkenner-band bij dit voorstel of besluit; 'geen' = geen.")
    created_at: datetime
    decided_by: str = Field(description="Naam en functie van wie besloot; leeg bij een voorstel.")
    deviates: bool = Field(description="Het besluit wijkt af van het voorstel.")
    reason: str
    services: list[ServiceOut]


class ConversationOut(Schema):
    due_on: date
    status: str = Field(description="'planned' of 'held'.")
    state: str = Field(description="'held', 'overdue', 'due' (binnen 7 dagen) of 'later'.")
    held_on: date | None


class PlanOut(Schema):
    client_id: int
    current: VersionOut | None = Field(description="Het plan dat nu geldt.")
    open_proposal: VersionOut | None = Field(
        description="Een voorstel waarover nog niet besloten is."
    )
    conversations: list[ConversationOut]
    access_reason: str


def _version(version) -> dict | None:
    if version is None:
        return None
    staff = version.decided_by
    return {
        "number": version.number,
        "status": version.status,
        "band": version.band,
        "created_at": version.created_at,
        "decided_by": f"{staff.full_name} ({staff.job_title})" if staff else "",
        "deviates": version.deviates,
        "reason": version.reason,
        "services": [
            {
                "code": item.service.code,
                "name": item.service.name,
                "kind": item.service.kind,
                "description": item.service.description,
                "why": item.why or [],
            }
            for item in version.items.all()
        ],
    }


@router.get("/plannen/{int:client_id}", response={200: PlanOut, **ERRORS})
def get_plan(request: HttpRequest, client_id: int, reason: Reason = ""):
    """Het dienstverleningsplan van één cliënt: het plan dat geldt, een open voorstel en de
    gesprekken van de cyclus."""
    # The right first: without it, the answer must not tell which clients exist.
    if not request.auth.has_perm("serviceplan.decide_plan"):
        raise ApiError(403, _("Je hebt geen recht om plannen te bekijken."), "forbidden")
    client = client_or_404(client_id, user=request.auth, reason=reason)
    ground = view_file(request, client, reason)
    today = timezone.localdate()
    return {
        "client_id": client.pk,
        "current": _version(queries.current_plan(client)),
        "open_proposal": _version(queries.open_proposal(client)),
        "conversations": [
            {
                "due_on": c.due_on,
                "status": c.status,
                "state": queries.state_of(c, today),
                "held_on": c.held_on,
            }
            for c in queries.conversations(client)
        ],
        "access_reason": ground,
    }
