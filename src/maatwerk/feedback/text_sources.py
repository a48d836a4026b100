"""What clients told us through feedback, as text sources for insight (``core.text_sources``):
feedback, complaints and suggestions, compliments, and the anonymised notes of mirror
conversations and dialogue sessions."""

from django.utils.translation import gettext_lazy as _

from maatwerk.core.text_sources import ClientText, TextSource, arrived, register

from .models import Compliment, DialogueSession, FeedbackItem

KIND_KEYS = {
    FeedbackItem.Kind.FEEDBACK: "feedback.feedback",
    FeedbackItem.Kind.COMPLAINT: "feedback.complaint",
    FeedbackItem.Kind.SUGGESTION: "feedback.suggestion",
}
COMPLIMENT = "feedback.compliment"
SESSION_NOTES = "feedback.session_notes"


def _texts(rows) -> list[ClientText]:
    return [ClientText(pk, text, office, at) for pk, text, office, at in rows]


def _source(label, queryset) -> TextSource:
    def rows():
        return queryset().order_by("pk")

    return TextSource(
        label=label,
        texts_after=lambda after_id, limit: _texts(rows().filter(pk__gt=after_id)[:limit]),
        texts_by_id=lambda ids: _texts(rows().filter(pk__in=list(ids))),
    )


def _items(kind):
    return lambda: FeedbackItem.objects.filter(kind=kind).values_list(
        "pk", "text", "office_id", "submitted_at"
    )


def _compliments():
    # Counted at the client's office: the compliment itself names an employee, not a place.
    return Compliment.objects.values_list("pk", "text", "client__office_id", "created_at")


def _session_notes():
    # The notes were scrubbed of e-mail addresses, phone numbers and BSNs when recorded.
    return DialogueSession.objects.values_list("pk", "notes", "office_id", "created_at")


def register_all() -> None:
    for kind, key in KIND_KEYS.items():
        register(key, _source(FeedbackItem.Kind(kind).label, _items(kind)))
    register(COMPLIMENT, _source(_("Compliment"), _compliments))
    register(
        SESSION_NOTES,
        _source(_("Notities van een spiegelgesprek of dialoogsessie"), _session_notes),
    )


def announce_item(item: FeedbackItem) -> None:
    arrived(KIND_KEYS[item.kind], [item.pk])


def announce_compliment(compliment: Compliment) -> None:
    arrived(COMPLIMENT, [compliment.pk])


def announce_session(session: DialogueSession) -> None:
    arrived(SESSION_NOTES, [session.pk])
