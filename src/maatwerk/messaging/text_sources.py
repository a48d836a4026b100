"""Client messages to their adviser, as a *private* text source for insight: private
correspondence, analysed only when the organisation turns that on and never quoted
(``core.text_sources``)."""

from django.utils.translation import gettext_lazy as _

from maatwerk.core.text_sources import ClientText, TextSource, arrived, register

from .models import Message

CLIENT_MESSAGE = "messaging.client_message"


def _messages():
    return (
        Message.objects.filter(sender=Message.Sender.CLIENT)
        .order_by("pk")
        .values_list("pk", "body", "thread__office_id", "sent_at")
    )


def _texts(rows) -> list[ClientText]:
    return [ClientText(pk, text, office, at) for pk, text, office, at in rows]


def register_all() -> None:
    register(
        CLIENT_MESSAGE,
        TextSource(
            label=_("Bericht van een cliënt aan de adviseur"),
            texts_after=lambda after_id, limit: _texts(_messages().filter(pk__gt=after_id)[:limit]),
            texts_by_id=lambda ids: _texts(_messages().filter(pk__in=list(ids))),
            private=True,
        ),
    )


def announce(message: Message) -> None:
    arrived(CLIENT_MESSAGE, [message.pk])
