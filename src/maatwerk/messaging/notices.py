"""What a client is told when a reply is waiting: handed to the notification service.

The notice is signed with the author's name and job title but does not contain the reply itself:
e-mail is not a safe channel for what a client and adviser discuss (health, money, sanctions), and
a mail that asks the client to log in cannot be faked into leaking anything. See ADR 0011.
"""

from django.conf import settings
from django.template.loader import render_to_string

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
