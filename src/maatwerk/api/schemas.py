"""What goes in and out of the API. Field names are English, texts are the organisation's own."""

import re
from datetime import date, datetime, time
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

from maatwerk.timeline.models import TimelineEvent

NOTE_MAX_LENGTH = 2000
QUERY_MAX_LENGTH = 100
REASON_MIN_LENGTH = 10
REASON_MAX_LENGTH = 500


SURROGATES = re.compile("[\ud800-\udfff]")


def _plain_text(value: str) -> str:
    """No NUL characters (PostgreSQL cannot store them) and no lone surrogates (not UTF-8)."""
    if "\x00" in value or SURROGATES.search(value):
        raise PydanticCustomError("text_characters", "Text contains characters not allowed.")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]


class ErrorOut(Schema):
    detail: str = Field(description="Wat er mis is, in het Nederlands.")
    code: str | None = Field(None, description="Vaste code, bijv. 'reason_required'.")


class FieldErrorOut(Schema):
    field: str
    message: str


class ValidationErrorOut(ErrorOut):
    errors: list[FieldErrorOut] = []


# Offices


class RegionOut(Schema):
    id: int
    name: str


class OpeningHoursOut(Schema):
    weekday: int = Field(description="0 = maandag … 6 = zondag")
    weekday_name: str
    opens: time
    closes: time

    @staticmethod
    def resolve_weekday_name(obj) -> str:
        return str(obj.get_weekday_display())


class OfficeRef(Schema):
    id: int
    name: str


class OfficeOut(Schema):
    id: int
    name: str
    region: RegionOut
    street: str
    house_number: str
    postal_code: str
    city: str
    phone: str
    is_active: bool
    opening_hours: list[OpeningHoursOut]


# Clients


class ClientListOut(Schema):
    id: int
    first_name: str
    surname_prefix: str
    surname: str
    full_name: str
    office: OfficeRef
    benefit_start: date
    benefit_expected_end: date
    uses_digital_channels: bool


class ContactPersonOut(Schema):
    first_name: str
    surname_prefix: str
    surname: str
    full_name: str
    job_title: str
    since: datetime


class ContactWindowOut(Schema):
    weekday: int | None = Field(description="Leeg: elke werkdag.")
    weekday_name: str
    starts: time
    ends: time

    @staticmethod
    def resolve_weekday_name(obj) -> str:
        return str(obj.get_weekday_display()) if obj.weekday is not None else _("elke werkdag")


class ContactPreferenceOut(Schema):
    channel: str
    channel_label: str
    language_level: str
    preferred_language: str
    accessibility_needs: str
    notes: str
    windows: list[ContactWindowOut]

    @staticmethod
    def resolve_channel_label(obj) -> str:
        return str(obj.get_channel_display())


class ClientOut(ClientListOut):
    bsn: str | None
    date_of_birth: date
    email: str
    phone: str
    street: str
    house_number: str
    postal_code: str
    city: str
    contact_person: ContactPersonOut | None
    contact_preference: ContactPreferenceOut | None
    access_reason: str = Field(description="De grond of reden waarmee dit dossier is geopend.")


# Timeline


class ActorOut(Schema):
    type: str = Field(description="staff, client of system")
    name: str
    job_title: str | None = Field(None, description="Alleen bij een medewerker; altijd gevuld.")


class EventOut(Schema):
    id: int
    kind: str
    label: str
    summary: str
    occurred_at: datetime
    actor: ActorOut
    visible_to_client: bool

    @staticmethod
    def resolve_actor(obj: TimelineEvent) -> dict:
        if obj.actor_type == TimelineEvent.ActorType.STAFF:
            staff = obj.actor_staff
            return {"type": obj.actor_type, "name": staff.full_name, "job_title": staff.job_title}
        if obj.actor_type == TimelineEvent.ActorType.CLIENT:
            return {"type": obj.actor_type, "name": obj.client.full_name, "job_title": None}
        return {
            "type": obj.actor_type,
            "name": str(obj.get_actor_type_display()),
            "job_title": None,
        }


class NoteIn(Schema):
    text: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=NOTE_MAX_LENGTH),
        AfterValidator(_plain_text),
    ] = Field(description="De notitie, alleen zichtbaar voor medewerkers. Platte tekst.")
