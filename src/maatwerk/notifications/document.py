"""A letter notification as a printable document, through the letter book's own rendering
(``maatwerk.letters.document``): the same letterhead, layout and PDF as any sent letter."""

from types import SimpleNamespace

from django.utils.translation import gettext

from .language import in_language_of
from .models import Notification

SIGN_OFF = "Met vriendelijke groet"


def without_sign_off(text: str) -> str:
    """The text without its own closing greeting: a notice written for e-mail ends with one,
    and the printed letter adds the signer's own, so the client would read it twice."""
    paragraphs = text.rstrip().split("\n\n")
    # In the client's language (the caller renders inside it) as well as in Dutch.
    sign_offs = (SIGN_OFF, gettext("Met vriendelijke groet,").rstrip(","))
    if len(paragraphs) > 1 and paragraphs[-1].lstrip().startswith(sign_offs):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def as_letter(notification: Notification) -> SimpleNamespace:
    """The shape ``letters.document`` reads from a sent letter."""
    data = notification.letter or {}
    signer = data.get("signer") or {"full_name": "", "job_title": ""}
    return SimpleNamespace(
        pk=notification.pk,
        subject=notification.subject,
        body_text=without_sign_off(notification.text),
        values={"adviser": signer, "date": data.get("date", "")},
        letterhead=data.get("letterhead", {}),
        recipient=data.get("recipient", {}),
        # Sent by the organisation for the adviser who signs: never shown as someone else.
        sent_by=SimpleNamespace(
            full_name=signer.get("full_name"), job_title=signer.get("job_title")
        ),
    )


def context(notification: Notification) -> dict:
    from maatwerk.letters import document

    with in_language_of(notification.client):
        return document.context(as_letter(notification))


def pdf_bytes(notification: Notification) -> bytes:
    """The printed letter, its fixed wording in the client's language like its text."""
    from maatwerk.letters import document

    with in_language_of(notification.client):
        return document.pdf_bytes(as_letter(notification))
