"""Every write about notifications, each in one transaction with its timeline event.

Public for other apps: ``notify`` (the one way to tell a client something on Maatwerk's own
initiative), ``send_welcome``. The channel is chosen in ``channels.choose``; e-mail goes out
through ``tasks.deliver_email`` after the commit, exactly once (``deliver_email`` here).
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember
from maatwerk.timeline.actions import Actor, record_event

from . import channels, kinds, queries
from .models import Notification


def _dutch(label) -> str:
    with translation.override("nl"):
        return str(label)


def _about(obj) -> str:
    if obj is None or isinstance(obj, str):
        return obj or ""
    return f"{obj._meta.label}:{obj.pk}"


def _letter(client: Client) -> dict:
    """The letter's fixed parts, kept with it so it prints as it was made."""
    from maatwerk.letters import values

    filled = values.for_client(client)
    address = [
        " ".join(p for p in (client.street, client.house_number) if p),
        " ".join(p for p in (client.postal_code, client.city) if p),
    ]
    return {
        "letterhead": values.letterhead(client),
        "recipient": {"name": client.full_name, "lines": [line for line in address if line]},
        "signer": filled["adviser"],
        "date": filled["date"],
        "address_complete": bool(
            client.street and client.house_number and client.postal_code and client.city
        ),
    }


def notify(
    *,
    client: Client,
    kind: str,
    subject: str,
    text: str,
    about=None,
    dedupe_key: str = "",
    actor: Actor | None = None,
    email_text: str = "",
    subject_shown: dict | None = None,
) -> Notification:
    """Tell ``client`` something by the channel that reaches them: exactly one notification, in
    one transaction with its timeline event (inside the caller's transaction when there is one).
    The same ``dedupe_key`` twice returns the first notification. ``email_text``, when given, is
    what an e-mail says instead of ``text`` (a notice to log in, for what e-mail must not carry).
    ``subject_shown``, when given, is how the timeline shows the subject in the reader's language
    (a ``core.source_text.text_value`` of the Dutch ``subject``); else the subject as sent."""
    registered = kinds.get(kind)
    subject, text = subject.strip(), text.strip()
    if not subject or not text:
        raise ValidationError(_("Een bericht aan een cliënt heeft een onderwerp en een tekst."))
    if dedupe_key:
        earlier = Notification.objects.filter(dedupe_key=dedupe_key).first()
        if earlier is not None:
            return earlier
    choice = channels.choose(registered, channels.Facts.of(client))
    if choice.channel == channels.EMAIL and email_text.strip():
        text = email_text.strip()
    notification = Notification(
        client=client,
        kind=kind,
        channel=choice.channel,
        subject=subject[:400],
        text=text,
        about=_about(about),
        dedupe_key=dedupe_key,
        to_email=client.email if choice.channel == channels.EMAIL else "",
        letter=_letter(client) if choice.channel == channels.LETTER else {},
        call_too=choice.call_too,
        created_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            notification.save()
            shown = subject_shown or notification.subject
            if registered.adviser_task:
                event, data = "notification.task_created", {"subject": shown}
            else:
                event = "notification.created"
                data = {
                    "subject": shown,
                    "channel": _dutch(notification.get_channel_display()),
                }
            record_event(client, event, actor or Actor.system(), data, about=notification)
            if notification.channel == channels.EMAIL:
                from .tasks import deliver_email

                pk = notification.pk
                transaction.on_commit(lambda: deliver_email.enqueue(pk), robust=True)
    except IntegrityError:
        earlier = Notification.objects.filter(dedupe_key=dedupe_key).first() if dedupe_key else None
        if earlier is None:
            raise
        return earlier
    return notification


def _shown_subject(notification: Notification):
    """The subject as the notification's first timeline event shows it (see ``notify``)."""
    from maatwerk.timeline.models import TimelineEvent

    first = (
        TimelineEvent.objects.filter(
            client_id=notification.client_id,
            kind__in=["notification.created", "notification.task_created"],
            object_id=str(notification.pk),
        )
        .order_by("pk")
        .values_list("data", flat=True)
        .first()
    )
    return (first or {}).get("subject") or notification.subject


def _mail(notification: Notification) -> None:
    send_mail(notification.subject, notification.text, None, [notification.to_email])


def deliver_email(notification_id: int, *, send: Callable[[Notification], None] = _mail) -> str:
    """Hand one e-mail notification to the mail server, once. The row is locked and marked sent
    in the transaction that hands it over: a failed hand-over leaves it queued for the next try,
    a second run finds it sent and sends nothing."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("client")
            .filter(pk=notification_id, channel=Notification.Channel.EMAIL)
            .first()
        )
        if notification is None:
            return "skipped"
        if notification.status != Notification.Status.QUEUED:
            return "already sent"
        send(notification)
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.save(update_fields=["status", "sent_at"])
        record_event(
            notification.client,
            "notification.delivered",
            Actor.system(),
            {
                "subject": _shown_subject(notification),
                "channel": _dutch(Notification.Channel.EMAIL.label),
            },
            about=notification,
        )
    return "sent"


def _check_staff(staff: StaffMember | None) -> StaffMember:
    if staff is None or not staff.is_active:
        raise PermissionDenied
    return staff


def mark_posted(*, notification: Notification, by_staff: StaffMember) -> Notification:
    """Staff printed a letter and put it in the post. Twice changes nothing."""
    _check_staff(by_staff)
    with transaction.atomic():
        locked = Notification.objects.select_for_update().get(pk=notification.pk)
        if locked.channel != Notification.Channel.LETTER:
            raise ValidationError(_("Dit bericht is geen brief."), code="not_a_letter")
        if locked.status == Notification.Status.SENT:
            return locked
        locked.status = Notification.Status.SENT
        locked.sent_at = timezone.now()
        locked.done_by = by_staff
        locked.save(update_fields=["status", "sent_at", "done_by"])
        record_event(
            locked.client,
            "notification.delivered",
            Actor.of_staff(by_staff),
            {"subject": _shown_subject(locked), "channel": _dutch(locked.get_channel_display())},
            about=locked,
        )
    return locked


def mark_called(*, notification: Notification, by_staff: StaffMember) -> Notification:
    """The adviser called the client about a notification (its phone task, or the call that goes
    with a letter). Twice changes nothing."""
    _check_staff(by_staff)
    with transaction.atomic():
        locked = Notification.objects.select_for_update().get(pk=notification.pk)
        if not locked.open_call:
            if locked.channel == Notification.Channel.PHONE or locked.call_too:
                return locked
            raise ValidationError(_("Voor dit bericht hoeft u niet te bellen."), code="no_call")
        now = timezone.now()
        if locked.channel == Notification.Channel.PHONE:
            locked.status = Notification.Status.SENT
            locked.sent_at = now
        locked.call_done_at = now
        locked.done_by = by_staff
        locked.save(update_fields=["status", "sent_at", "call_done_at", "done_by"])
        record_event(
            locked.client,
            "notification.called",
            Actor.of_staff(by_staff),
            {
                "subject": _shown_subject(locked),
                "staff_name": by_staff.full_name,
                "job_title": by_staff.job_title,
            },
            about=locked,
        )
    return locked


# --- the welcome letter --------------------------------------------------------------------------


def send_welcome(client: Client, by_user=None) -> Notification:
    """Welcome a newly registered client (called inside the registration's transaction).

    With a published welcome letter in the letter book, that letter goes by the client's channel.
    Without one, the adviser gets a phone task to welcome the client and send the letter later."""
    from maatwerk.letters import values

    sender = getattr(by_user, "staff_member", None)
    actor = Actor.of_staff(sender) if sender is not None else Actor.system()
    version = queries.published_welcome()
    if version is not None:
        _filled, subject, body = values.fill(version, client, sender)
        return notify(
            client=client,
            kind="client.welcome",
            subject=subject,
            text=body,
            about=version,
            dedupe_key=f"client.welcome:{client.pk}",
            actor=actor,
        )
    return notify(
        client=client,
        kind="client.welcome_task",
        # The subject reaches the client ("... heeft u gebeld over: Welkom"); the why is for staff.
        subject=_dutch(_("Welkom")),
        text=_dutch(
            _(
                "Er is nog geen gepubliceerde welkomstbrief. Heet de cliënt welkom, vertel wie "
                "de adviseur is en stuur de welkomstbrief zodra die is gepubliceerd."
            )
        ),
        dedupe_key=f"client.welcome:{client.pk}",
        actor=actor,
    )
