"""The API's operations. Same rules as the pages: maatwerk.access.rules decides who sees what,
and every look into a client file is written to the audit log with its ground or reason."""

from typing import Annotated, Literal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import register_converter, reverse
from django.urls.converters import PathConverter
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from maatwerk.access.rules import (
    advisers_of_office,
    can_register_client_at,
    may_register_clients,
    staff_of,
    visible_clients,
)
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import find
from maatwerk.clients.models import Client
from maatwerk.clients.queries import BY_NAME, search_clients
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.queries import events_for_staff

from . import schemas
from .client_files import client_or_404, open_file, view_file
from .errors import ApiError
from .pagination import Pagination

router = Router()

ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
ERRORS = {401: schemas.ErrorOut, 403: schemas.ErrorOut, 422: schemas.ValidationErrorOut}
REASON_HELP = (
    "Alleen nodig voor een cliënt die niet op je eigen lijst staat: waarom je het dossier opent "
    "(minstens 10 tekens). De reden komt in het auditlog."
)
Scope = Annotated[
    Literal["own", "office"],
    Query(description="own: je eigen cliënten; office: alle cliënten van je vestigingen."),
]
SearchText = Annotated[
    schemas.PlainText,
    Query("", max_length=schemas.QUERY_MAX_LENGTH, description="Zoek op naam of (volledig) BSN."),
]
Reason = Annotated[
    schemas.PlainText, Query("", max_length=schemas.REASON_MAX_LENGTH, description=REASON_HELP)
]


# Offices


def _offices():
    return Office.objects.select_related("region").prefetch_related("opening_hours")


@router.get("/offices", response={200: list[schemas.OfficeOut], **ERRORS}, tags=["vestigingen"])
@paginate(Pagination)
def list_offices(request: HttpRequest):
    """Alle vestigingen (werkpleinen) met adres en openingstijden."""
    return _offices().order_by("name", "pk")


@router.get(
    "/offices/{int:id}",
    response={200: schemas.OfficeOut, 404: schemas.ErrorOut, **ERRORS},
    tags=["vestigingen"],
)
def get_office(request: HttpRequest, id: int):
    """Eén vestiging."""
    office = find(_offices(), id)
    if office is None:
        raise ApiError(404, _("Deze vestiging bestaat niet."), "not_found")
    return office


# Clients


@router.get("/clients", response={200: list[schemas.ClientListOut], **ERRORS}, tags=["cliënten"])
@paginate(Pagination)
def list_clients(
    request: HttpRequest,
    scope: Scope = "own",
    q: SearchText = "",
):
    """De cliënten die je mag zien. Oefenaccounts staan er nooit tussen."""
    user = request.auth
    if scope == "office" and not user.has_perm("access.view_office_clients"):
        raise ApiError(
            403, _("Je mag niet alle cliënten van je vestiging bekijken."), "scope_forbidden"
        )
    clients = search_clients(visible_clients(user, scope), q)
    return clients.select_related("office").order_by(*BY_NAME)


@router.get(
    "/clients/{int:id}",
    response={200: schemas.ClientOut, 404: schemas.ErrorOut, **ERRORS},
    tags=["cliënten"],
)
def get_client(request: HttpRequest, id: int, reason: Reason = ""):
    """Het dossier van één cliënt, met vaste contactpersoon en contactvoorkeuren."""
    client = client_or_404(id, user=request.auth, reason=reason)
    ground = view_file(request, client, reason)
    return _client_file(client, ground)


def _client_file(client: Client, ground: str) -> Client:
    """The client with what ClientOut shows besides the client's own fields."""
    assignment = client.assignments.filter(ended_at__isnull=True).select_related("staff").first()
    contact_person = None
    if assignment is not None:
        staff = assignment.staff
        contact_person = {
            "first_name": staff.first_name,
            "surname_prefix": staff.surname_prefix,
            "surname": staff.surname,
            "full_name": staff.full_name,
            "job_title": staff.job_title,
            "since": assignment.started_at,
        }
    client.contact_person = contact_person
    client.contact_preference = getattr(client, "preference", None)
    client.access_reason = ground
    return client


# Registration: the action's field names, as the API calls them.
REGISTRATION_FIELDS = {
    "office": "office_id",
    "contact_person": "contact_person_id",
    NON_FIELD_ERRORS: "",
}


def _registering_office(user, office_id: int) -> Office:
    if not may_register_clients(user):
        raise ApiError(403, _("Je hebt geen recht om cliënten in te schrijven."), "forbidden")
    office = find(Office.objects.all(), office_id)
    if office is None:
        raise ValidationError({"office_id": _("Deze vestiging bestaat niet.")})
    if not can_register_client_at(user, office):
        raise ApiError(
            403,
            _("Je kunt alleen cliënten inschrijven op een vestiging waar je zelf werkt."),
            "office_forbidden",
        )
    return office


def _contact_person(user, office: Office, contact_person_id: int | None) -> StaffMember | None:
    """The contact person asked for, or the caller when they are an adviser of the office.

    None when there is none: the action then refuses it, with the same message as a staff
    member who is no adviser of the office (an id tells nothing about who exists)."""
    if contact_person_id is None:
        staff = staff_of(user)
        if advisers_of_office(office).filter(pk=staff.pk).exists():
            return staff
        raise ValidationError(
            {
                "contact_person_id": _(
                    "Kies een vaste contactpersoon: een adviseur die op deze vestiging werkt."
                )
            }
        )
    return find(StaffMember.objects.all(), contact_person_id)


@router.post(
    "/clients",
    response={201: schemas.ClientOut, 409: schemas.ValidationErrorOut, **ERRORS},
    tags=["cliënten"],
)
def register_client(request: HttpRequest, response: HttpResponse, payload: schemas.ClientIn):
    """Een nieuwe cliënt inschrijven, zoals de intake van de uitkering dat doet: met vaste
    contactpersoon, contactvoorkeuren en momenten waarop de cliënt benaderd mag worden.

    Je hebt het recht 'Cliënten inschrijven' nodig en werkt zelf op de vestiging. Zonder
    `contact_person_id` word je zelf de vaste contactpersoon (als je adviseur bent op die
    vestiging). Alles of niets: bij een fout wordt niets bewaard. Een BSN dat al is ingeschreven
    geeft 409 (code `duplicate_bsn`). De inschrijving komt op de tijdlijn en in het auditlog."""
    user = request.auth
    office = _registering_office(user, payload.office_id)
    contact_person = _contact_person(user, office, payload.contact_person_id)
    fields = payload.model_dump(exclude={"office_id", "contact_person_id", "preference"})
    preference = payload.preference.model_dump() if payload.preference is not None else None
    try:
        client = client_actions.register_client(
            **fields,
            office=office,
            contact_person=contact_person,
            preference=preference,
            by_user=user,
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        if any(e.code == client_actions.DUPLICATE_BSN for e in error.error_dict.get("bsn", [])):
            message = str(client_actions.DUPLICATE_BSN_MESSAGE)
            return Status(
                409,
                {
                    "detail": message,
                    "code": client_actions.DUPLICATE_BSN,
                    "errors": [{"field": "bsn", "message": message}],
                },
            )
        raise ValidationError(
            {
                REGISTRATION_FIELDS.get(field, field): messages
                for field, messages in error.error_dict.items()
            }
        ) from error
    response["Location"] = reverse("api:get_client", kwargs={"id": client.pk})
    client = client_or_404(client.pk)
    return Status(201, _client_file(client, _("zojuist door jou ingeschreven")))


@router.get(
    "/clients/{int:id}/timeline",
    response={200: list[schemas.EventOut], 404: schemas.ErrorOut, **ERRORS},
    tags=["cliënten"],
)
@paginate(Pagination)
def client_timeline(request: HttpRequest, id: int, reason: Reason = ""):
    """De tijdlijn van een cliënt, nieuwste eerst, ook wat alleen medewerkers zien."""
    client = client_or_404(id, user=request.auth, reason=reason)
    view_file(request, client, reason)
    return events_for_staff(client)


@router.post(
    "/clients/{int:id}/notes",
    response={201: schemas.EventOut, 404: schemas.ErrorOut, **ERRORS},
    tags=["cliënten"],
)
def add_note(
    request: HttpRequest,
    id: int,
    payload: schemas.NoteIn,
    reason: Reason = "",
):
    """Een notitie op de tijdlijn, alleen zichtbaar voor medewerkers. Tekst wordt bewaard zoals
    gestuurd (geen HTML)."""
    client = client_or_404(id, user=request.auth, reason=reason)
    with transaction.atomic():
        open_file(request, client, reason)
        event = client_actions.add_note(client=client, by_user=request.auth, text=payload.text)
    return Status(201, event)


# Anything else under /api/ is a JSON 404 (after authentication, like everything else). Its own
# router, added after every app's router: a catch-all added first would hide their paths.
catch_all = Router()


class AnyPathConverter(PathConverter):
    """Like ``path``, but also across an (encoded) line break, which ``path`` does not match: such
    a path would otherwise fall through to the HTML 404 page of the site."""

    regex = r"[\s\S]+"


register_converter(AnyPathConverter, "anypath")


@catch_all.api_operation(ALL_METHODS, "/{anypath:rest}", include_in_schema=False)
def not_found(request: HttpRequest, rest: str):
    raise ApiError(404, _("Dit adres bestaat niet in de API."), "not_found")
