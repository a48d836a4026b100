"""Background work: tell an employee they received a compliment (sent after the commit)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def mail_compliment(compliment_id: int) -> str:
    from .models import Compliment

    compliment = Compliment.objects.select_related("staff").filter(pk=compliment_id).first()
    if compliment is None or not compliment.staff.email:
        return "skipped"
    with translation.override("nl"):
        # No client name and no text in the mail: the page behind the log-in shows them.
        context = {"compliment": compliment, "path": reverse("feedback:my_compliments")}
        body = render_to_string("feedback/mail/compliment.txt", context)
        subject = _("Je hebt een compliment gekregen")
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [compliment.staff.email])
    return "sent"
