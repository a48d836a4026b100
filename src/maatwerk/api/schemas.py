"""What goes in and out of the API. Field names are English, texts are the organisation's own."""

import re
from datetime import date, datetime, time
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Strict,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from maatwerk.clients.models import Client, ContactPreference
from maatwerk.timeline.kinds import Voice
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


def _none_as_empty(value):
    return "" if value is None else value


def _naive_time(value: time) -> time:
    """Times of day without a time zone: the database stores them as they are."""
    if value.tzinfo is not None:
        raise PydanticCustomError("time_zone", "Time has a time zone.")
    return value


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def required_text(max_length: int):
    """Text that must be filled in; surrounding white space is removed."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_plain_text),
    ]


def optional_text(max_length: int):
    """Text that may be left out, empty or null (stored as empty)."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=max_length),
        AfterValidator(_plain_text),
        BeforeValidator(_none_as_empty),
    ]


Id = Annotated[int, Strict()]

# A time of day as this API writes and reads it: local, without a time zone ("08:30:00"). Not
# OpenAPI's format "time", which is RFC 3339's full-time and needs an offset ("08:30:00+01:00").
TIME_OF_DAY_SCHEMA = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
    "description": "Tijd van de dag, lokaal en zonder tijdzone: UU:MM of UU:MM:SS.",
    "example": "08:30:00",
}
LocalTime = Annotated[time, WithJsonSchema(TIME_OF_DAY_SCHEMA)]
NaiveTime = Annotated[time, AfterValidator(_naive_time), WithJsonSchema(TIME_OF_DAY_SCHEMA)]


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
    opens: LocalTime
    closes: LocalTime

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
    starts: LocalTime
    ends: LocalTime

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

    # The API is for staff: every event is told about the client ("Nicole heeft …").
    @staticmethod
    def resolve_label(obj: TimelineEvent) -> str:
        return obj.label_in(Voice.STAFF)

    @staticmethod
    def resolve_summary(obj: TimelineEvent) -> str:
        return obj.summary_in(Voice.STAFF)

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


# Registration

MAX_CONTACT_WINDOWS = 14


def _client_text(field: str, *, required: bool = False):
    length = _max_length(Client, field)
    return required_text(length) if required else optional_text(length)


class ContactWindowIn(Schema):
    model_config = ConfigDict(extra="forbid")

    weekday: int | None = Field(
        None, ge=0, le=6, description="0 = maandag … 6 = zondag; leeg (null): elke werkdag."
    )
    starts: NaiveTime = Field(description="Vanaf, bijv. 10:00 (zonder tijdzone).")
    ends: NaiveTime = Field(description="Tot, bijv. 12:30; na 'starts'.")


class ContactPreferenceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    channel: Literal["portal", "email", "phone", "video", "letter"] = Field(
        ContactPreference.Channel.PORTAL.value, description="Hoe de cliënt benaderd wil worden."
    )
    language_level: Literal["B1", "A2"] = Field(
        ContactPreference.LanguageLevel.B1.value, description="Taalniveau van onze berichten."
    )
    accessibility_needs: optional_text(_max_length(ContactPreference, "accessibility_needs")) = (
        Field("", description="Wat de cliënt nodig heeft om ons te kunnen bereiken.")
    )
    windows: list[ContactWindowIn] = Field(
        [],
        max_length=MAX_CONTACT_WINDOWS,
        description="Wanneer de cliënt gebeld of uitgenodigd mag worden.",
    )


class ClientIn(Schema):
    """A new benefit client, as the benefit intake sends them. Unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")

    bsn: Annotated[
        str,
        StringConstraints(strip_whitespace=True, max_length=_max_length(Client, "bsn")),
        AfterValidator(_plain_text),
    ] = Field(description="Burgerservicenummer: 9 cijfers die de elfproef doorstaan.")
    first_name: _client_text("first_name", required=True)
    surname_prefix: _client_text("surname_prefix") = ""
    surname: _client_text("surname", required=True)
    date_of_birth: date
    email: _client_text("email") = ""
    phone: _client_text("phone") = ""
    street: _client_text("street") = ""
    house_number: _client_text("house_number") = ""
    postal_code: _client_text("postal_code") = ""
    city: _client_text("city") = ""
    office_id: Id = Field(description="De vestiging; je moet er zelf werken.")
    contact_person_id: Id | None = Field(
        None,
        description=(
            "De vaste contactpersoon: een adviseur van de vestiging. Leeg: jijzelf, als je "
            "adviseur bent op die vestiging."
        ),
    )
    benefit_start: date
    benefit_expected_end: date
    uses_digital_channels: Annotated[bool, Strict()]
    preference: ContactPreferenceIn | None = None
