"""What a client is told when a reply is waiting: handed to the notification service.

The notice is signed with the author's name and job title but does not contain the reply itself:
e-mail is not a safe channel for what a client and adviser discuss (health, money, sanctions), and
a mail that asks the client to log in cannot be faked into leaking anything. See ADR 0011.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_noop

from maatwerk.core.source_text import text_value
from maatwerk.notifications.language import in_language_of
from maatwerk.organisation.queries import organisation


def reply_notice(message) -> tuple[str, str]:
    """The subject and text telling the client that ``message`` (a staff reply) is waiting."""
    context = {
        "client": message.thread.client,
        "message": message,
        "organisation": organisation(),
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    with in_language_of(message.thread.client):
        subject = render_to_string("messaging/email/reply_subject.txt", context).strip()
        body = render_to_string("messaging/email/reply.txt", context)
    return subject, body


def reply_subject_shown(message) -> dict:
    """The subject of ``reply_notice`` (the same msgid as ``email/reply_subject.txt``), for the
    timeline: shown in the reader's language (core.source_text)."""
    return text_value(
        gettext_noop("U heeft een antwoord van %(name)s, %(job_title)s"),
        name=message.author_name,
        job_title=message.author_job_title,
    )
