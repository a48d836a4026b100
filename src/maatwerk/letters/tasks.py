"""Background work of the letter book: e-mailing a sent letter (enqueued on commit)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from . import actions, document, sandbox
from .models import SentLetter


@task()
def email_letter(letter_id: int) -> str:
    letter = SentLetter.objects.select_related("sent_by").get(pk=letter_id)
    context = {
        "letter": letter,
        "body_html": sandbox.to_html(letter.body_text),
        "sender": document.sent_on_behalf(letter),
    }
    text = render_to_string("letters/email.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(letter.subject.split()), body=text, to=[letter.recipient["email"]]
    )
    message.attach_alternative(render_to_string("letters/email.html", context), "text/html")
    try:
        message.send()
    except Exception as error:
        actions.record_delivery(letter, error=error)
        raise
    actions.record_delivery(letter)
    return "sent"
