"""Background work: the e-mail that tells a client a reply is waiting.

The mail is signed with the author's name and job title but does not contain the reply itself:
e-mail is not a safe channel for what a client and adviser discuss (health, money, sanctions), and
a mail that asks the client to log in cannot be faked into leaking anything. See ADR 0011.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from maatwerk.organisation.queries import organisation


@task()
def send_reply_notification(message_id: int) -> str:
    from .models import Message

    message = Message.objects.select_related("thread__client").filter(pk=message_id).first()
    if message is None or not message.author_name or not message.author_job_title:
        return "skipped"  # gone, or (impossible by the constraints) unsigned: never send that
    client = message.thread.client
    if not client.email or not client.uses_digital_channels:
        return "skipped"
    context = {
        "client": client,
        "message": message,
        "organisation": organisation(),
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    with translation.override("nl"):
        subject = render_to_string("messaging/email/reply_subject.txt", context).strip()
        body = render_to_string("messaging/email/reply.txt", context)
    send_mail(subject, body, None, [client.email])
    return "sent"
