"""API operations for appointments (/api/afspraken/...): free slots for an office, booking for a
client with the same rules as the pages, and a client's appointments. Staff tokens only (the
API's own auth); a client file is opened with the same ground-or-reason rule as /api/clients."""

from datetime import date, datetime, timedelta
from typing import Annotated
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from maatwerk.api.client_files import client_or_404, open_file, view_file
from maatwerk.api.errors import ApiError
from maatwerk.api.schemas import PlainText
from maatwerk.clients.file_access import MAX_ID, find
from maatwerk.organisation.models import Office

from . import actions, queries, rules
from .agenda import SlotTaken
from .models import Appointment, AppointmentType

router = Router(tags=["afspraken"])
Reason = Annotated[
    PlainText,
    Query(
        "",
        max_length=1000,
        description="Alleen nodig voor een cliënt die niet op je eigen lijst staat (minstens 10 "
        "tekens); komt in het auditlog.",
    ),
]
MAX_DAYS = 28
MAX_DAYS_AHEAD = 366  # a first day further away than this is a mistake (and overflows)


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    clashes: list[str] = Field(
        default_factory=list,
        description="Waarom dit tijdstip niet past bij de voorkeuren van de cliënt "
        "(alleen met client_id).",
    )


class AppointmentOut(Schema):
    id: int
    client_id: int
    office_id: int
    office_name: str
    type_code: str
    type_name: str
    channel: str
    starts_at: datetime
    ends_at: datetime
    status: str
    staff_name: str
    staff_job_title: str
    override_reason: str


class BookIn(Schema):
    client_id: int = Field(gt=0, le=MAX_ID)
    office_id: int = Field(gt=0, le=MAX_ID)
    type_code: str = Field(max_length=40)
    starts_at: datetime
    override_reason: PlainText = Field(
        "",
        max_length=1000,
        description="Verplicht (minstens 10 tekens) als het tijdstip niet past bij de voorkeuren "
        "van de cliënt; komt op de tijdlijn en in het auditlog.",
    )
    submission_token: UUID | None = Field(
        None, description="Dezelfde sleutel twee keer maakt één afspraak."
    )


class ErrorOut(Schema):
    detail: str
    code: str = ""


class TakenOut(ErrorOut):
    alternatives: list[SlotOut]


def _out(appointment: Appointment) -> dict:
    return {
        "id": appointment.pk,
        "client_id": appointment.client_id,
        "office_id": appointment.office_id,
        "office_name": appointment.office.name,
        "type_code": appointment.type.code,
        "type_name": appointment.type.name,
        "channel": appointment.type.channel,
        "starts_at": appointment.starts_at,
        "ends_at": appointment.ends_at,
        "status": appointment.status,
        "staff_name": appointment.staff.full_name,
        "staff_job_title": appointment.staff.job_title,
        "override_reason": appointment.override_reason,
    }


def _office(id: int) -> Office:
    office = find(Office.objects.filter(is_active=True), id)
    if office is None:
        raise ApiError(404, _("Deze vestiging bestaat niet."), "not_found")
    return office


def _kind(code: str) -> AppointmentType:
    kind = queries.appointment_types().filter(code=code).first()
    if kind is None:
        raise ApiError(422, _("Deze soort afspraak bestaat niet."), "unknown_type")
    return kind


def _require(request, perm: str) -> None:
    if not request.auth.has_perm(perm):
        raise ApiError(403, _("Je hebt hiervoor geen recht."), "forbidden")


@router.get(
    "/afspraken/vestigingen/{int:office_id}/vrije-tijden",
    response={200: list[SlotOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def free_slots(
    request: HttpRequest,
    office_id: int,
    type_code: Annotated[str, Query(max_length=40)],
    first_day: date | None = None,
    days: Annotated[int, Query(14, ge=1, le=MAX_DAYS)] = 14,
    client_id: Annotated[int | None, Query(None, gt=0, le=MAX_ID)] = None,
    reason: Reason = "",
):
    """Vrije tijden van een vestiging voor een soort afspraak, vanaf `first_day` (standaard
    vandaag) voor `days` dagen (hoogstens 28). Met `client_id` staat bij elk tijdstip of het
    botst met de voorkeuren van die cliënt."""
    _require(request, rules.BOOK)
    office, kind = _office(office_id), _kind(type_code)
    first = first_day or timezone.localdate()
    if abs((first - timezone.localdate()).days) > MAX_DAYS_AHEAD:
        raise ApiError(422, _("Kies een eerste dag binnen een jaar van vandaag."), "invalid_date")
    last = first + timedelta(days=days - 1)
    from .agenda import plugin_for

    slots = plugin_for(office).free_slots(
        office, kind, first, last, not_before=queries.not_before()
    )
    if client_id is None:
        return [{"starts_at": s.starts_at, "ends_at": s.ends_at, "clashes": []} for s in slots]
    client = client_or_404(client_id, user=request.auth, reason=reason)
    view_file(request, client, reason)
    choices = queries.choices_for(slots, client, office, kind, for_staff=True)
    return [{"starts_at": c.starts_at, "ends_at": c.ends_at, "clashes": c.clashes} for c in choices]


@router.post(
    "/afspraken",
    response={
        201: AppointmentOut,
        403: ErrorOut,
        404: ErrorOut,
        409: TakenOut,
        422: ErrorOut,
    },
)
def book(request: HttpRequest, payload: BookIn, reason: Reason = ""):
    """Een afspraak maken voor een cliënt, met dezelfde regels als in Maatwerk: niet in het
    verleden, binnen de openingstijden, een vrij tijdstip (anders 409 met de volgende vrije
    tijden) en een reden als het tijdstip niet past bij de voorkeuren van de cliënt."""
    _require(request, rules.BOOK)
    client = client_or_404(payload.client_id, user=request.auth, reason=reason)
    office, kind = _office(payload.office_id), _kind(payload.type_code)
    open_file(request, client, reason)
    try:
        appointment = actions.book(
            client=client,
            office=office,
            kind=kind,
            starts_at=payload.starts_at,
            user=request.auth,
            override_reason=payload.override_reason,
            submission_token=payload.submission_token,
        )
    except SlotTaken as error:
        return Status(
            409,
            {
                "detail": " ".join(error.messages),
                "code": "slot_taken",
                "alternatives": [
                    {"starts_at": s.starts_at, "ends_at": s.ends_at, "clashes": []}
                    for s in error.alternatives
                ],
            },
        )
    except ValidationError as error:
        codes = [e.code for e in getattr(error, "error_list", []) if e.code]
        if hasattr(error, "error_dict"):
            codes = [e.code for errors in error.error_dict.values() for e in errors if e.code]
        return Status(
            422, {"detail": " ".join(error.messages), "code": codes[0] if codes else "invalid"}
        )
    except PermissionDenied:
        raise ApiError(403, _("Je hebt hiervoor geen recht."), "forbidden") from None
    return Status(201, _out(appointment))


@router.get(
    "/afspraken/clienten/{int:client_id}",
    response={200: list[AppointmentOut], 403: ErrorOut, 404: ErrorOut},
)
def client_appointments(request: HttpRequest, client_id: int, reason: Reason = ""):
    """De afspraken van een cliënt, nieuwste eerst (ook geannuleerde en gehouden)."""
    client = client_or_404(client_id, user=request.auth, reason=reason)
    view_file(request, client, reason)
    appointments = (
        Appointment.objects.filter(client=client)
        .select_related("office", "type", "staff")
        .order_by("-starts_at")[:200]
    )
    return [_out(a) for a in appointments]
