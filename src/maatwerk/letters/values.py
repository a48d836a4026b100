"""The values a letter is filled with: plain dicts of strings, built here and nowhere else.

Nothing from a model instance reaches the template engine, so the template language cannot walk
from a client to their account or anywhere else. The same dict is stored with a sent letter, so
the letter can always be shown exactly as it was sent.
"""

import datetime as dt

from django.utils import formats, timezone, translation
from django.utils.text import capfirst

from maatwerk.access.rules import current_contact_id
from maatwerk.organisation.models import StaffMember
from maatwerk.organisation.queries import organisation as current_organisation

from . import sandbox

DEADLINE_DAYS = 14


def _date(value: dt.date | None) -> str:
    if not value:
        return ""
    with translation.override("nl"):  # letters are Dutch, whatever language the sender reads
        return formats.date_format(value, "j F Y")


def _organisation() -> dict:
    organisation = current_organisation()  # the row, or the neutral default until it is filled in
    return {
        "name": organisation.name,
        "phone": organisation.phone,
        "website": organisation.website,
        "portal": organisation.client_portal_name,
        "return_address": organisation.return_address,
    }


def _staff(staff: StaffMember | None) -> dict:
    if staff is None:
        return {"full_name": "", "first_name": "", "job_title": "", "phone": "", "email": ""}
    return {
        "full_name": staff.full_name,
        "first_name": staff.first_name,
        "job_title": staff.job_title,
        "phone": staff.phone,
        "email": staff.email,
    }


def _office(office) -> dict:
    # "Werkplein Amsterdam": a letter says "bij {{ office.name }}", never "op Amsterdam".
    with translation.override("nl"):
        name = capfirst(office.werkplein)
    return {"name": name, "address": office.address, "phone": office.phone}


def contact_person(client) -> StaffMember | None:
    staff_id = current_contact_id(client)
    return StaffMember.objects.filter(pk=staff_id).first() if staff_id else None


def for_client(client, *, sender: StaffMember | None = None, today: dt.date | None = None) -> dict:
    """Values for a real client. The letter is signed by the client's contact person (their one
    named adviser); when there is none, by the sender."""
    today = today or timezone.localdate()
    adviser = contact_person(client) or sender
    street = " ".join(p for p in (client.street, client.house_number) if p)
    return {
        "client": {
            "first_name": client.first_name,
            "full_name": client.full_name,
            "address": street,
            "postal_code_city": " ".join(p for p in (client.postal_code, client.city) if p),
        },
        "adviser": _staff(adviser),
        "office": _office(client.office),
        "organisation": _organisation(),
        "benefit": {
            "start": _date(client.benefit_start),
            "expected_end": _date(client.benefit_expected_end),
        },
        "date": _date(today),
        "deadline": _date(today + dt.timedelta(days=DEADLINE_DAYS)),
    }


def demo(*, today: dt.date | None = None) -> dict:
    """Made-up values for the editor's preview: never a real client."""
    today = today or timezone.localdate()
    return {
        "client": {
            "first_name": "Fatima",
            "full_name": "Fatima Amrani",
            "address": "Kastanjelaan 12",
            "postal_code_city": "3512 AB Utrecht",
        },
        "adviser": {
            "full_name": "Sanne Bakker",
            "first_name": "Sanne",
            "job_title": "Adviseur werk",
            "phone": "088 123 45 67",
            "email": "sanne.bakker@example.org",
        },
        "office": {
            "name": "Werkplein Utrecht",
            "address": "Stationsplein 1, 3511 ED Utrecht",
            "phone": "088 898 92 94",
        },
        "organisation": _organisation(),
        "benefit": {
            "start": _date(today - dt.timedelta(days=10)),
            "expected_end": _date(today + dt.timedelta(days=200)),
        },
        "date": _date(today),
        "deadline": _date(today + dt.timedelta(days=DEADLINE_DAYS)),
    }


def language_report(text: str) -> tuple[dict, bool]:
    """The plain-language report stored with a version, and whether it meets B1."""
    from maatwerk.plain_language import check

    report = check(text)
    return report.as_dict(), bool(report.meets_b1)


def letterhead(client) -> dict:
    """The sender block stored with a sent letter, so it shows as it was sent."""
    organisation = _organisation()
    office = client.office
    return {
        "name": organisation["name"],
        "phone": organisation["phone"],
        "website": organisation["website"],
        "return_address": organisation["return_address"] or f"{office.name}, {office.address}",
    }


def fill(version, client, sender) -> tuple[dict, str, str]:
    """A version filled in for a client: the values, the subject and the body."""
    filled = for_client(client, sender=sender)
    return (
        filled,
        sandbox.render_text(version.subject, filled),
        sandbox.render_text(version.body, filled),
    )
