"""The open answers of surveys, as text sources for insight (``core.text_sources``): answers to
a survey, answers after a contact, and answers given in an interview at an office."""

from django.utils.translation import gettext_lazy as _

from maatwerk.core.text_sources import ClientText, TextSource, arrived, register

from .models import Answer

OPEN_ANSWER = "surveys.open_answer"
AFTER_CONTACT = "surveys.after_contact"
INTERVIEW = "surveys.interview"

_WHICH = {
    OPEN_ANSWER: {"response__contact_question__isnull": True, "response__session__isnull": True},
    AFTER_CONTACT: {"response__contact_question__isnull": False},
    INTERVIEW: {"response__session__isnull": False},
}


def _answers(key: str):
    return (
        Answer.objects.filter(is_primary=True, response__completed_at__isnull=False, **_WHICH[key])
        .exclude(text="")
        .order_by("pk")
        .values_list("pk", "text", "office_id", "response__completed_at")
    )


def _texts(rows) -> list[ClientText]:
    return [ClientText(pk, text, office, at) for pk, text, office, at in rows]


def _source(key: str, label) -> TextSource:
    return TextSource(
        label=label,
        texts_after=lambda after_id, limit: _texts(_answers(key).filter(pk__gt=after_id)[:limit]),
        texts_by_id=lambda ids: _texts(_answers(key).filter(pk__in=list(ids))),
    )


def register_all() -> None:
    register(OPEN_ANSWER, _source(OPEN_ANSWER, _("Open antwoord in een vragenlijst")))
    register(AFTER_CONTACT, _source(AFTER_CONTACT, _("Antwoord na een contact")))
    register(INTERVIEW, _source(INTERVIEW, _("Antwoord in een interview")))


def announce(response, rows) -> None:
    """Inside the completing transaction: tell insight which open answers just arrived."""
    if response.contact_question_id is not None:
        key = AFTER_CONTACT
    elif response.session_id is not None:
        key = INTERVIEW
    else:
        key = OPEN_ANSWER
    arrived(key, [row.pk for row in rows if row.text and row.is_primary and row.pk])
