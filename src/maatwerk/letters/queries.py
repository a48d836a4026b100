"""Reads of the letter book used by views, other apps (messaging: ``reply_texts``) and actions."""

from django.db.models import Count, Exists, F, Max, OuterRef, Subquery

from maatwerk.organisation.models import StaffMember

from . import sandbox, values
from .models import (
    LetterTemplate,
    ReaderComment,
    ReviewStep,
    SentLetter,
    State,
    TemplateVersion,
)


def state_of(version: TemplateVersion) -> str:
    step = version.steps.order_by("-seq").values_list("state", flat=True).first()
    return step or State.DRAFT


def _latest_state():
    return Subquery(
        ReviewStep.objects.filter(version=OuterRef("pk")).order_by("-seq").values("state")[:1]
    )


def versions_with_state(template):
    return template.versions.select_related("created_by").annotate(state=_latest_state())


def templates_overview():
    """Every template with its latest version's state and how often it was sent."""
    latest_state = Subquery(
        ReviewStep.objects.filter(
            version__template=OuterRef("pk"), version__number=OuterRef("latest_number")
        )
        .order_by("-seq")
        .values("state")[:1]
    )
    return (
        LetterTemplate.objects.select_related("published_version")
        .annotate(
            latest_state=latest_state, sent_count=Count("sent"), last_sent=Max("sent__sent_at")
        )
        .order_by("title")
    )


def latest_in(state: str):
    """The latest version of each template, where that version is in ``state``."""
    return (
        TemplateVersion.objects.annotate(state=_latest_state())
        .filter(state=state, number=F("template__latest_number"))
        .select_related("template")
        .order_by("template__title")
    )


def waiting_for(user, staff) -> dict:
    """What the letter book asks of this person now, per role."""
    waiting = {"legal": [], "publish": [], "read": []}
    if user.has_perm("letters.review_legal"):
        waiting["legal"] = list(latest_in(State.LEGAL_REVIEW))
    if user.has_perm("letters.edit_letters"):
        waiting["publish"] = list(latest_in(State.READER_REVIEW))
    if user.has_perm("letters.comment_as_reader") and staff is not None:
        commented = ReaderComment.objects.filter(version=OuterRef("pk"), reader=staff)
        waiting["read"] = list(
            latest_in(State.READER_REVIEW)
            .filter(invitations__reader=staff)
            .exclude(Exists(commented))
        )
    return waiting


def latest_version(template) -> TemplateVersion | None:
    return template.versions.filter(number=template.latest_number).first()


def readers():
    """Staff who may be invited to read along: client-council members (by permission)."""
    return (
        StaffMember.objects.active()
        .filter(
            roles__permissions__codename="comment_as_reader",
            roles__permissions__content_type__app_label="letters",
        )
        .distinct()
        .order_by("surname", "first_name")
    )


def published_templates():
    return LetterTemplate.objects.filter(published_version__isnull=False).select_related(
        "published_version"
    )


def statistics(template) -> dict:
    sent = SentLetter.objects.filter(template=template)
    per_office = (
        sent.values("office__name")
        .annotate(count=Count("pk"), last=Max("sent_at"))
        .order_by("-count", "office__name")
    )
    totals = sent.aggregate(count=Count("pk"), last=Max("sent_at"))
    return {"count": totals["count"], "last": totals["last"], "per_office": list(per_office)}


def letters_for_client(client):
    return SentLetter.objects.filter(client=client).select_related("sent_by", "template")


def mine(client):
    """ "Mijn brieven": the letters from the letter book and those other apps made for the
    client (core.portal_letters), newest first."""
    from django.urls import reverse

    from maatwerk.core.portal_letters import PortalLetter, letters_for

    own = [
        PortalLetter(
            letter.subject,
            letter.sent_at,
            reverse("letters:mine_detail", args=[letter.pk]),
            letter.sent_by.full_name,
        )
        for letter in letters_for_client(client)
    ]
    return sorted(own + letters_for(client), key=lambda letter: letter.sent_at, reverse=True)


def reply_texts(client, staff) -> list[tuple[int, str, str]]:
    """Published templates marked as message replies, filled in for this client and signed by
    ``staff`` (the one who answers): (template id, title, plain text)."""
    filled = values.for_client(client, sender=staff)
    filled["adviser"] = values._staff(staff)  # the reply is signed by whoever answers
    return [
        (template.pk, template.title, sandbox.render_text(template.published_version.body, filled))
        for template in published_templates().filter(usable_as_reply=True).order_by("title")
    ]
