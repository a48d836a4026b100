"""Every write for compliments, feedback and dialogue sessions. Each runs in one transaction with
its timeline event (for the client) or audit row, and the append-only history where one is kept.
Bad input raises ValidationError with a Dutch message per field."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.access.rules import staff_of
from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client
from maatwerk.core.source_text import date_value, source
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.actions import Actor, record_event

from . import queries, rules, tasks, text_sources
from .deadlines import answer_deadline
from .models import (
    COMPLIMENT_MAX,
    POINT_MAX,
    TEXT_MAX,
    Compliment,
    DialogueSession,
    FeedbackHistory,
    FeedbackItem,
    ImprovementPoint,
    ImprovementPointHistory,
)
from .scrub import scrub

NO_CONTACT = _("U kunt alleen een compliment geven aan iemand met wie u contact heeft gehad.")
NOT_YOURS = _("Alleen de eigenaar van deze reactie kan haar beantwoorden.")
NO_RIGHT = _("Je mag de eigenaar of de termijn van deze reactie niet wijzigen.")
ALREADY_ANSWERED = _("Deze reactie is al beantwoord.")
NOBODY = _(
    "Er is op dit moment niemand die uw reactie kan behandelen. Bel ons, dan helpen we u verder."
)


def _text(value: str, field: str, *, empty, limit: int, too_long) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: empty})
    if len(value) > limit:
        raise ValidationError({field: too_long % {"max": limit}})
    return value


def _existing(model, token):
    return model.objects.filter(submission_token=token).first() if token else None


USED_TOKEN = _("Dit formulier is al gebruikt. Open de pagina opnieuw.")


def _create_once(model, token, create, *, client=None):
    """Run ``create`` in a savepoint; a token used at the same moment by a second request
    returns the record the first one made (never someone else's)."""
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        earlier = _existing(model, token)
        if earlier is None:
            raise
        if client is not None and earlier.client_id != client.pk:
            raise ValidationError(USED_TOKEN) from None
        return earlier


# Compliments


def give_compliment(
    *, client: Client, staff: StaffMember, text: str, anonymous: bool, token
) -> Compliment:
    """A client compliments a named employee they had contact with (or who works at their
    office). The employee is e-mailed after the commit."""
    earlier = _existing(Compliment, token)
    if earlier is not None and earlier.client_id == client.pk:
        return earlier
    text = _text(
        text,
        "text",
        empty=_("Schrijf uw compliment."),
        limit=COMPLIMENT_MAX,
        too_long=_("Uw compliment is te lang. Gebruik maximaal %(max)s tekens."),
    )
    if staff is not None and not (staff.is_active and staff.user.is_active):
        raise ValidationError({"staff": _("Deze medewerker werkt hier niet meer.")})
    if staff is None or not rules.may_compliment(client, staff):
        raise ValidationError({"staff": NO_CONTACT})
    if client.is_practice and staff.pk != client.practice_owner_id:
        # Practice must never reach a real colleague as if a client had written.
        raise ValidationError(
            {"staff": _("Met een oefenaccount geeft u alleen uzelf een compliment.")}
        )

    def create():
        compliment = Compliment.objects.create(
            client=client,
            staff=staff,
            text=text,
            anonymous=bool(anonymous),
            submission_token=token,
        )
        record_event(
            client,
            "compliment.given",
            Actor.client(),
            _named(staff),
            about=compliment,
        )
        text_sources.announce_compliment(compliment)
        # robust: a mail server that is down never turns the client's compliment into an error.
        transaction.on_commit(lambda: tasks.mail_compliment.enqueue(compliment.pk), robust=True)
        return compliment

    with transaction.atomic():
        return _create_once(Compliment, token, create, client=client)


# Feedback, complaints and suggestions


def _named(staff: StaffMember) -> dict:
    """A timeline event's words for a staff member: never anonymous, with their job title."""
    return {"staff_name": staff.full_name, "job_title": staff.job_title}


def _history(item: FeedbackItem, event: str, by_staff=None, reason: str = "") -> None:
    FeedbackHistory.objects.create(
        item=item,
        event=event,
        status=item.status,
        owner=item.owner,
        deadline=item.deadline,
        by_staff=by_staff,
        reason=reason,
    )


def submit_feedback(
    *, client: Client, kind: str, text: str, wants_answer: bool, token, received_at=None
) -> FeedbackItem:
    """A client's feedback, complaint or suggestion. One that wants an answer gets its owner
    (see ``queries.default_owner``) and its deadline (see ``deadlines``) at once.

    ``received_at`` is for input that arrived earlier (and for demo data): the deadline counts
    from that day. It cannot lie in the future."""
    return _submit(
        client=client,
        kind=kind,
        text=text,
        wants_answer=wants_answer,
        token=token,
        received_at=received_at,
        empty=_("Schrijf uw reactie."),
        too_long=_("Uw reactie is te lang. Gebruik maximaal %(max)s tekens."),
    )


STAFF_CHANNELS = [
    FeedbackItem.Channel.PHONE,
    FeedbackItem.Channel.LETTER,
    FeedbackItem.Channel.EMAIL,
    FeedbackItem.Channel.DESK,
]
NO_CHANNEL = _("Kies hoe de reactie binnenkwam: telefoon, brief, e-mail of balie.")
PORTAL_BY_STAFF = _(
    "Een reactie via het portaal geeft de cliënt zelf. Kies telefoon, brief, e-mail of balie."
)
OUT_OF_REACH = _(
    "Je kunt alleen een reactie vastleggen voor een cliënt van jouw vestiging of caseload."
)


def record_for_client(
    *,
    client: Client,
    by_user,
    kind: str,
    text: str,
    received_via: str,
    wants_answer: bool,
    token,
    received_at=None,
) -> FeedbackItem:
    """A staff member records, on the client's behalf, an input that came in by phone, by letter,
    by e-mail or at the desk. It gets an owner and a deadline like any other (counted from the day
    it came in); the client's timeline says how it came in, staff also see who typed it."""
    staff = staff_of(by_user)
    if staff is None or not rules.may_record_for(by_user, client):
        raise ValidationError(OUT_OF_REACH)
    if not received_via:
        raise ValidationError({"received_via": NO_CHANNEL})
    if received_via == FeedbackItem.Channel.PORTAL:
        raise ValidationError({"received_via": PORTAL_BY_STAFF})
    if received_via not in STAFF_CHANNELS:
        raise ValidationError({"received_via": NO_CHANNEL})
    return _submit(
        client=client,
        kind=kind,
        text=text,
        wants_answer=wants_answer,
        token=token,
        received_at=received_at,
        received_via=received_via,
        entered_by=staff,
        by_user=by_user,
        empty=_("Schrijf op wat de cliënt zei of schreef."),
        too_long=_("De reactie is te lang. Gebruik maximaal %(max)s tekens."),
    )


def _submit(
    *,
    client,
    kind,
    text,
    wants_answer,
    token,
    received_at,
    empty,
    too_long,
    received_via=FeedbackItem.Channel.PORTAL,
    entered_by=None,
    by_user=None,
) -> FeedbackItem:
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ValidationError(
            {"received_at": _("Een reactie kan niet in de toekomst binnenkomen.")}
        )
    earlier = _existing(FeedbackItem, token)
    if earlier is not None and earlier.client_id == client.pk:
        return earlier
    if kind not in FeedbackItem.Kind.values:
        raise ValidationError({"kind": _("Kies wat voor reactie het is.")})
    text = _text(text, "text", empty=empty, limit=TEXT_MAX, too_long=too_long)
    owner = deadline = None
    if wants_answer:
        owner = queries.default_owner(client, kind)
        if owner is None:
            raise ValidationError(NOBODY)
        deadline = answer_deadline(kind, timezone.localdate(received_at))
    kind_label = source(FeedbackItem.Kind(kind).label)

    def create():
        item = FeedbackItem.objects.create(
            client=client,
            office_id=client.office_id,
            kind=kind,
            text=text,
            wants_answer=bool(wants_answer),
            owner=owner,
            deadline=deadline,
            submission_token=token,
            submitted_at=received_at,
            received_via=received_via,
            entered_by=entered_by,
        )
        FeedbackHistory.objects.create(
            item=item,
            event="submitted",
            status=item.status,
            owner=owner,
            deadline=deadline,
            at=received_at,
            by_staff=entered_by,
        )
        text_sources.announce_item(item)
        if entered_by is None:
            record_event(
                client,
                "feedback.submitted",
                Actor.client(),
                {"kind": kind_label},
                about=item,
                occurred_at=received_at,
            )
        else:
            how = source(FeedbackItem.Channel(received_via).label)
            record_event(
                client,
                "feedback.received_via",
                Actor.client(),
                {"how": how, "kind": kind_label},
                about=item,
                occurred_at=received_at,
            )
            record_event(
                client,
                "feedback.entered_by_staff",
                Actor.of_staff(entered_by),
                {"staff_name": entered_by.full_name, "how": how, "kind": kind_label},
                about=item,
            )
            audit.log(
                "feedback.recorded_for_client",
                user=by_user,
                client=client,
                about=item,
                data={"received_via": received_via, "kind": kind},
            )
        if owner is not None:
            record_event(
                client,
                "feedback.owner_assigned",
                Actor.system(),
                {**_named(owner), "deadline": date_value(deadline)},
                about=item,
                occurred_at=received_at,
            )
        return item

    with transaction.atomic():
        return _create_once(FeedbackItem, token, create, client=client)


def _locked(item: FeedbackItem) -> FeedbackItem:
    return FeedbackItem.objects.select_for_update().select_related("client").get(pk=item.pk)


def _owner_only(item: FeedbackItem, staff: StaffMember | None) -> None:
    if staff is None or item.owner_id != staff.pk:
        raise ValidationError(NOT_YOURS)
    if item.status == FeedbackItem.Status.ANSWERED:
        raise ValidationError(ALREADY_ANSWERED)


def start_handling(*, item: FeedbackItem, by_user) -> FeedbackItem:
    """The owner takes the item in hand: status "in behandeling"."""
    staff = staff_of(by_user)
    with transaction.atomic():
        item = _locked(item)
        _owner_only(item, staff)
        if item.status == FeedbackItem.Status.IN_PROGRESS:
            return item
        item.status = FeedbackItem.Status.IN_PROGRESS
        item.save(update_fields=["status"])
        _history(item, "in_progress", staff)
        record_event(
            item.client,
            "feedback.in_progress",
            Actor.of_staff(staff),
            _named(staff),
            about=item,
        )
    return item


def answer_feedback(*, item: FeedbackItem, by_user, text: str) -> FeedbackItem:
    """The owner answers; the answer is signed with their name and job title as they are now."""
    staff = staff_of(by_user)
    text = _text(
        text,
        "answer",
        empty=_("Schrijf je antwoord."),
        limit=TEXT_MAX,
        too_long=_("Je antwoord is te lang. Gebruik maximaal %(max)s tekens."),
    )
    with transaction.atomic():
        item = _locked(item)
        _owner_only(item, staff)
        item.status = FeedbackItem.Status.ANSWERED
        item.answer = text
        item.answered_at = timezone.now()
        item.answered_by = staff
        item.answered_by_name = staff.full_name
        item.answered_by_job_title = staff.job_title
        item.save(
            update_fields=[
                "status",
                "answer",
                "answered_at",
                "answered_by",
                "answered_by_name",
                "answered_by_job_title",
            ]
        )
        _history(item, "answered", staff)
        record_event(
            item.client,
            "feedback.answered",
            Actor.of_staff(staff),
            _named(staff),
            about=item,
        )
        _send_answer(item, staff)
    return item


# How the notification service's channel reads on the item ("het antwoord gaat ...").
ANSWER_CHANNEL = {
    "email": FeedbackItem.Channel.EMAIL,
    "letter": FeedbackItem.Channel.LETTER,
    "phone": FeedbackItem.Channel.PHONE,
}


def _send_answer(item: FeedbackItem, staff: StaffMember) -> None:
    """The answer goes back through the one notification path (a letter to print, a call on
    the contact person's list, or an e-mail notice), and the item notes which way it went."""
    notification = _notify_answer(item, staff)
    item.answer_via = ANSWER_CHANNEL[notification.channel]
    item.save(update_fields=["answer_via"])
    return item


def _notify_answer(item: FeedbackItem, staff: StaffMember):
    """The answer reaches the client by their channel: by post or phone the answer itself, by
    e-mail only a notice to read it after logging in (e-mail is not safe for its content)."""
    from django.conf import settings
    from django.urls import reverse

    from maatwerk.notifications import actions as notifications
    from maatwerk.notifications.language import in_language_of

    link = settings.SITE_URL.rstrip("/") + reverse("feedback:client_item", args=[item.pk])
    with in_language_of(item.client):
        subject = str(_("Antwoord op uw reactie"))
        greeting = str(_("Beste %(name)s,") % {"name": item.client.full_name})
        signed = "\n".join([str(_("Met vriendelijke groet,")), staff.full_name, staff.job_title])
        told = _("%(name)s (%(job_title)s) heeft uw reactie beantwoord.") % {
            "name": staff.full_name,
            "job_title": staff.job_title,
        }
        read = str(_("U leest het antwoord als u inlogt:"))
    text = "\n\n".join([greeting, item.answer, signed])
    email_text = "\n\n".join([greeting, f"{told} {read}\n{link}", signed])
    return notifications.notify(
        client=item.client,
        kind="feedback.answered",
        subject=subject,
        text=text,
        email_text=email_text,
        about=item,
        dedupe_key=f"feedback.answered:{item.pk}",
        actor=Actor.of_staff(staff),
    )


def _manager_only(item: FeedbackItem, by_user) -> StaffMember:
    """The managing staff member, when they may still change this item's owner or deadline."""
    if not rules.may_manage(by_user, item):
        raise ValidationError(NO_RIGHT)
    if item.status == FeedbackItem.Status.ANSWERED:
        raise ValidationError(ALREADY_ANSWERED)
    if not item.wants_answer:
        raise ValidationError(_("Deze cliënt heeft niet om een antwoord gevraagd."))
    return staff_of(by_user)


def _reason(reason: str) -> str:
    return _text(
        reason,
        "reason",
        empty=_("Geef een reden."),
        limit=1000,
        too_long=_("Gebruik maximaal %(max)s tekens."),
    )


def reassign_owner(*, item: FeedbackItem, new_owner: StaffMember, by_user, reason: str):
    """A manager of the item's office gives it another owner. History keeps the old one."""
    reason = _reason(reason)
    with transaction.atomic():
        item = _locked(item)
        staff = _manager_only(item, by_user)
        if new_owner is None or not queries.owner_choices(item).filter(pk=new_owner.pk).exists():
            raise ValidationError(
                {"new_owner": _("Kies een medewerker van deze vestiging die reacties behandelt.")}
            )
        if new_owner.pk == item.owner_id:
            raise ValidationError({"new_owner": _("Deze medewerker is al de eigenaar.")})
        previous = item.owner_id
        item.owner = new_owner
        item.save(update_fields=["owner"])
        _history(item, "owner_changed", staff, reason)
        record_event(
            item.client,
            "feedback.owner_assigned",
            Actor.of_staff(staff),
            {**_named(new_owner), "deadline": date_value(item.deadline)},
            about=item,
        )
        audit.log(
            "feedback.owner_changed",
            user=by_user,
            client=item.client,
            about=item,
            reason=reason,
            data={"from_staff": previous, "to_staff": new_owner.pk},
        )
    return item


def change_deadline(*, item: FeedbackItem, deadline: date, by_user, reason: str):
    """A manager of the item's office moves the deadline, with a reason. The client is told."""
    reason = _reason(reason)
    if not isinstance(deadline, date):
        raise ValidationError({"deadline": _("Vul een geldige datum in.")})
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("Kies een datum vanaf vandaag.")})
    with transaction.atomic():
        item = _locked(item)
        staff = _manager_only(item, by_user)
        previous = item.deadline
        item.deadline = deadline
        item.save(update_fields=["deadline"])
        _history(item, "deadline_changed", staff, reason)
        record_event(
            item.client,
            "feedback.deadline_changed",
            Actor.of_staff(staff),
            {"deadline": date_value(deadline)},
            about=item,
        )
        audit.log(
            "feedback.deadline_changed",
            user=by_user,
            client=item.client,
            about=item,
            reason=reason,
            data={"from": previous.isoformat() if previous else None, "to": deadline.isoformat()},
        )
    return item


# Mirror conversations and dialogue sessions

COUNT_FIELDS = [
    "clients_count",
    "advisers_count",
    "managers_count",
    "council_members_count",
    "others_count",
]
COUNT_MAX = 500


def record_session(
    *,
    by_user,
    kind: str,
    held_on: date,
    office: Office,
    topic: str,
    notes: str,
    counts: dict,
    token,
) -> tuple[DialogueSession, dict]:
    """Record a session. Personal data in the notes is taken out first; returns the session and
    what was taken out (kind → count), so the page can say so."""
    staff = staff_of(by_user)
    if staff is None or not by_user.has_perm("feedback.record_sessions"):
        raise ValidationError(_("Je mag geen sessies vastleggen."))
    earlier = _existing(DialogueSession, token)
    if earlier is not None:
        return earlier, {}
    errors = {}
    if kind not in DialogueSession.Kind.values:
        errors["kind"] = _("Kies de soort sessie.")
    if not isinstance(held_on, date):
        errors["held_on"] = _("Vul een geldige datum in.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("Een sessie die nog moet komen, kun je nog niet vastleggen.")
    if office is None or not office.is_active:
        errors["office"] = _("Kies een actieve vestiging.")
    elif not rules.may_record_at(by_user, office.pk):
        errors["office"] = _("Kies een vestiging waar je werkt.")
    topic = (topic or "").strip()
    if not topic:
        errors["topic"] = _("Geef het onderwerp.")
    elif len(topic) > 200:
        errors["topic"] = _("Gebruik maximaal 200 tekens.")
    notes = (notes or "").strip()
    if not notes:
        errors["notes"] = _("Schrijf op wat cliënten zeiden.")
    elif len(notes) > TEXT_MAX * 2:
        errors["notes"] = _("Gebruik maximaal %(max)s tekens.") % {"max": TEXT_MAX * 2}
    values = {}
    for field in COUNT_FIELDS:
        value = counts.get(field) or 0
        if not isinstance(value, int) or value < 0 or value > COUNT_MAX:
            errors[field] = _("Vul een aantal in van 0 tot %(max)s.") % {"max": COUNT_MAX}
        values[field] = value
    if not errors.get("clients_count") and values["clients_count"] < 1:
        errors["clients_count"] = _("Er was minstens één cliënt bij.")
    if errors:
        raise ValidationError(errors)
    cleaned = scrub(notes)
    topic_cleaned = scrub(topic)

    def create():
        session = DialogueSession.objects.create(
            kind=kind,
            held_on=held_on,
            office=office,
            topic=topic_cleaned.text,
            notes=cleaned.text,
            recorded_by=staff,
            submission_token=token,
            **values,
        )
        audit.log("feedback.session_recorded", user=by_user, about=session)
        text_sources.announce_session(session)
        return session

    with transaction.atomic():
        session = _create_once(DialogueSession, token, create)
    found = dict(cleaned.found)
    for key, count in topic_cleaned.found.items():
        found[key] = found.get(key, 0) + count
    return session, found


def _point_text(text: str) -> str:
    return _text(
        text,
        "text",
        empty=_("Beschrijf het verbeterpunt."),
        limit=POINT_MAX,
        too_long=_("Gebruik maximaal %(max)s tekens."),
    )


def add_improvement_point(
    *, session: DialogueSession, by_user, text: str, owner: StaffMember, council_advice_ref=""
) -> ImprovementPoint:
    staff = staff_of(by_user)
    if staff is None or not rules.may_record_at(by_user, session.office_id):
        raise ValidationError(_("Je mag geen verbeterpunten toevoegen."))
    text = scrub(_point_text(text)).text
    if owner is None or not queries.point_owner_choices(session).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": _("Kies een medewerker van deze vestiging.")})
    council_advice_ref = (council_advice_ref or "").strip()[:100]
    with transaction.atomic():
        point = ImprovementPoint.objects.create(
            session=session, text=text, owner=owner, council_advice_ref=council_advice_ref
        )
        ImprovementPointHistory.objects.create(
            point=point, status=point.status, owner=owner, by_staff=staff
        )
        audit.log("feedback.point_added", user=by_user, about=point)
    return point


def update_point_status(
    *, point: ImprovementPoint, by_user, status: str, reason: str = ""
) -> ImprovementPoint:
    """A new status for an improvement point; "niet uitgevoerd" needs a reason."""
    staff = staff_of(by_user)
    if not rules.may_update_point(by_user, point):
        raise ValidationError(_("Je mag de status van dit verbeterpunt niet wijzigen."))
    if status not in ImprovementPoint.Status.values:
        raise ValidationError({"status": _("Kies een status.")})
    reason = (reason or "").strip()
    if len(reason) > 1000:
        raise ValidationError({"reason": _("Gebruik maximaal %(max)s tekens.") % {"max": 1000}})
    if status == ImprovementPoint.Status.DROPPED and not reason:
        raise ValidationError({"reason": _("Leg uit waarom dit punt niet wordt uitgevoerd.")})
    with transaction.atomic():
        point = ImprovementPoint.objects.select_for_update().get(pk=point.pk)
        if point.status == status and point.reason == reason:
            raise ValidationError({"status": _("Het punt heeft deze status al.")})
        point.status = status
        point.reason = reason
        point.updated_at = timezone.now()
        point.save(update_fields=["status", "reason", "updated_at"])
        ImprovementPointHistory.objects.create(
            point=point, status=status, owner=point.owner, reason=reason, by_staff=staff
        )
        audit.log("feedback.point_status", user=by_user, about=point, data={"status": status})
    return point
