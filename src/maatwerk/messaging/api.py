"""Messaging in the API: a client's threads, one thread, and a signed staff reply.

The author of a reply is always the token's staff member; there is no field for a name or
signature, so an unsigned or anonymous reply cannot be posted. Reading is a look into the client
file: the same grounds as the pages, a `reason` where one is needed, and an audit row each time.
"""

from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from maatwerk.access.rules import staff_of
from maatwerk.api.client_files import api_reason, client_or_404, unknown, view_file
from maatwerk.api.errors import ApiError
from maatwerk.api.pagination import Pagination
from maatwerk.api.schemas import REASON_MAX_LENGTH, ErrorOut, PlainText
from maatwerk.api.schemas import ValidationErrorOut as ApiValidationErrorOut
from maatwerk.clients.file_access import find

from . import actions, queries
from .models import Message, Thread
from .rules import ANSWER, ground_text, thread_access

router = Router(tags=["berichten"])

ERRORS = {
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ApiValidationErrorOut,
}
REASON_HELP = (
    "Alleen nodig voor een cliënt die niet op je eigen lijst staat: waarom je het dossier opent "
    "(minstens 10 tekens). De reden komt in het auditlog."
)


class StaffOut(Schema):
    first_name: str
    surname_prefix: str
    surname: str
    full_name: str
    job_title: str


class AuthorOut(Schema):
    id: int = Field(description="De medewerker die het antwoord schreef.")
    name: str = Field(description="Naam zoals de cliënt die zag.")
    job_title: str = Field(description="Functie zoals de cliënt die zag.")


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int


class MessageOut(Schema):
    id: int
    sender: str = Field(description="'client' of 'staff'.")
    sent_at: datetime
    body: str = Field(description="Tekst zoals geschreven (geen HTML).")
    author: AuthorOut | None = Field(
        description="Altijd gevuld bij een antwoord van een medewerker."
    )
    signature: str = Field(description="Naam en functie onder het antwoord; leeg bij de cliënt.")
    instead_of_contact_person: str = Field(
        description="De vaste contactpersoon namens wie een collega antwoordde, of leeg."
    )
    attachments: list[AttachmentOut]


class ThreadOut(Schema):
    id: int
    client_id: int
    subject: str
    assigned_to: StaffOut | None
    reply_due: date | None = Field(description="Antwoord uiterlijk (werkdagen); leeg = beantwoord.")
    overdue: bool
    last_message_at: datetime
    created_at: datetime


class ThreadDetailOut(ThreadOut):
    contact_person: StaffOut | None
    messages: list[MessageOut]


class ReplyIn(Schema):
    text: PlainText = Field(description="Het antwoord, platte tekst.")
    submission_token: UUID | None = Field(
        None, description="Optioneel: dezelfde sleutel twee keer geeft één antwoord."
    )


def _staff_out(staff) -> dict | None:
    if staff is None:
        return None
    return {
        "first_name": staff.first_name,
        "surname_prefix": staff.surname_prefix,
        "surname": staff.surname,
        "full_name": staff.full_name,
        "job_title": staff.job_title,
    }


def _thread_out(thread: Thread) -> dict:
    return {
        "id": thread.pk,
        "client_id": thread.client_id,
        "subject": thread.subject,
        "assigned_to": _staff_out(thread.assigned_to),
        "reply_due": thread.reply_due,
        "overdue": queries.is_overdue(thread),
        "last_message_at": thread.last_message_at,
        "created_at": thread.created_at,
    }


def _message_out(message: Message) -> dict:
    author = None
    if message.sender == Message.Sender.STAFF:
        author = {
            "id": message.author_id,
            "name": message.author_name,
            "job_title": message.author_job_title,
        }
    return {
        "id": message.pk,
        "sender": message.sender,
        "sent_at": message.sent_at,
        "body": message.body,
        "author": author,
        "signature": message.signature,
        "instead_of_contact_person": message.instead_of_name,
        "attachments": [
            {"id": a.pk, "name": a.original_name, "content_type": a.content_type, "size": a.size}
            for a in message.attachments.all()
        ],
    }


def _answerer(request: HttpRequest):
    if not request.auth.has_perm(ANSWER):
        raise ApiError(403, _("Je hebt geen recht om berichten te beantwoorden."), "forbidden")
    return staff_of(request.auth)


def _thread_not_found() -> ApiError:
    return ApiError(404, _("Dit gesprek bestaat niet."), "not_found")


def _thread(request, id: int, reason: str) -> Thread:
    thread = find(Thread.objects.select_related("client", "assigned_to"), id)
    if thread is None or thread.client.is_practice:
        # The same answer as a thread the caller may not open: an id tells nothing.
        raise unknown(request.auth, reason, _thread_not_found())
    return thread


def _open_thread(request, thread: Thread, reason: str) -> None:
    access = thread_access(request.auth, thread)
    given = api_reason(request.auth, thread.client, access, reason, not_found=_thread_not_found())
    actions.record_thread_view(
        user=request.auth, thread=thread, reason=given or ground_text(request.auth, thread, access)
    )


Reason = Query("", max_length=REASON_MAX_LENGTH, description=REASON_HELP)


@router.get("/berichten/clients/{int:id}/threads", response={200: list[ThreadOut], **ERRORS})
@paginate(Pagination)
def client_threads(request: HttpRequest, id: int, reason: PlainText = Reason):
    """De berichtgesprekken van een cliënt, nieuwste eerst."""
    _answerer(request)
    client = client_or_404(id, user=request.auth, reason=reason)
    view_file(request, client, reason)
    return [_thread_out(t) for t in queries.threads_for_client(client)]


@router.get("/berichten/threads/{int:id}", response={200: ThreadDetailOut, **ERRORS})
def get_thread(request: HttpRequest, id: int, reason: PlainText = Reason):
    """Eén gesprek met alle berichten. Elk antwoord van een medewerker heeft naam en functie."""
    _answerer(request)
    thread = _thread(request, id, reason)
    with transaction.atomic():
        _open_thread(request, thread, reason)
    return {
        **_thread_out(thread),
        "contact_person": _staff_out(queries.contact_person(thread.client)),
        "messages": [_message_out(m) for m in queries.messages_of(thread)],
    }


@router.post("/berichten/threads/{int:id}/replies", response={201: MessageOut, **ERRORS})
def post_reply(request: HttpRequest, id: int, payload: ReplyIn, reason: PlainText = Reason):
    """Een antwoord versturen, ondertekend met jouw naam en functie (van je API-sleutel). De
    cliënt krijgt een e-mail zonder de tekst, of (zonder digitale kanalen) de vaste
    contactpersoon een bel- of brieftaak. Maximaal MESSAGING_MAX_LENGTH tekens."""
    me = _answerer(request)
    thread = _thread(request, id, reason)
    with transaction.atomic():
        _open_thread(request, thread, reason)
    try:
        message = actions.reply(
            thread=thread, author=me, body=payload.text, token=payload.submission_token
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {("text" if k == "body" else k): v for k, v in error.error_dict.items()}
            ) from error
        raise ApiError(403, " ".join(error.messages), "cannot_reply") from error
    return Status(201, _message_out(message))
