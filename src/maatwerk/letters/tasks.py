"""Background work of the letter book: e-mailing a sent letter (enqueued on commit)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from maatwerk.audit import actions as audit

from . import document, sandbox
from .models import Delivery, SentLetter


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
        # Kept, so the adviser sees the letter did not leave and can send it by post.
        Delivery.objects.create(letter=letter, succeeded=False, error=str(error)[:500])
        raise
    Delivery.objects.create(letter=letter, succeeded=True)
    audit.log("letters.emailed", client=letter.client, about=letter)
    return "sent"
