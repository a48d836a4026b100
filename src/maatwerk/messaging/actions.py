"""Every write to messages, threads and follow-ups. Each runs in one transaction with its
timeline event (and audit row where staff look into a file)."""

import uuid
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.access.rules import current_contact_id, require
from maatwerk.audit import actions as audit
from maatwerk.clients.models import Client
from maatwerk.core.source_text import date_value, source
from maatwerk.organisation.models import StaffMember
from maatwerk.timeline.actions import Actor, record_event

from . import text_sources
from .attachments import check_upload, clean_name
from .conf import app_settings
from .models import Attachment, FollowUp, Message, Thread, ThreadAssignment
from .rules import ANSWER, may_hand_over, may_take
from .working_days import add_working_days, reply_due

SUBJECT_MAX_LENGTH = Thread._meta.get_field("subject").max_length
REASON_MAX_LENGTH = 1000


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    limit = app_settings.MESSAGING_MAX_LENGTH
    if not body:
        raise ValidationError({"body": _("Schrijf een bericht.")})
    if "\x00" in body:
        raise ValidationError({"body": _("Het bericht bevat tekens die niet zijn toegestaan.")})
    if len(body) > limit:
        raise ValidationError(
            {
                "body": _("Het bericht is te lang: maximaal %(limit)d tekens, nu %(length)d.")
                % {"limit": limit, "length": len(body)}
            }
        )
    return body


def _clean_subject(subject: str) -> str:
    subject = " ".join((subject or "").split())
    if not subject:
        raise ValidationError({"subject": _("Schrijf een onderwerp.")})
    if len(subject) > SUBJECT_MAX_LENGTH or "\x00" in subject:
        raise ValidationError(
            {
                "subject": _("Het onderwerp is te lang: maximaal %(limit)d tekens.")
                % {"limit": SUBJECT_MAX_LENGTH}
            }
        )
    return subject


def _checked_uploads(uploads: Iterable) -> list:
    checked = []
    for upload in uploads or ():
        if upload is None:
            continue
        checked.append((upload, check_upload(upload)))
    return checked


def _save_attachments(message: Message, checked: list) -> None:
    for upload, file_type in checked:
        attachment = Attachment(
            message=message,
            original_name=clean_name(upload.name),
            content_type=file_type.content_type,
            size=upload.size,
        )
        attachment.file.save(upload.name or "bijlage", upload, save=False)
        attachment.save()


def _earlier(token, *, thread: Thread | None = None, client: Client | None = None):
    """The message an earlier send of this form made, if any. A token used for another thread
    or client is refused: it must never hand out someone else's message."""
    if token is None:
        return None
    found = Message.objects.select_related("thread").filter(submission_token=token).first()
    if found is None:
        return None
    if (thread is not None and found.thread_id != thread.pk) or (
        client is not None and found.thread.client_id != client.pk
    ):
        raise ValidationError(_("Dit formulier is al gebruikt. Begin opnieuw."))
    return found


def _token(token):
    if token is None or isinstance(token, uuid.UUID):
        return token
    return uuid.UUID(str(token))


def send_client_message(
    *,
    client: Client,
    body: str,
    subject: str = "",
    thread: Thread | None = None,
    attachments: Iterable = (),
    token=None,
    at: datetime | None = None,
) -> Message:
    """A client writes: a new thread (with `subject`) or a message in their own `thread`.

    The reply is due within MESSAGING_RESPONSE_WORKING_DAYS working days (the earliest due date
    stays when the client writes again before a reply). With a `token` that was used before, the
    message made then is returned and nothing is added. `at` backdates (demo data, imports).
    """
    token = _token(token)
    earlier = _earlier(token, client=client)
    if earlier is not None:
        return earlier
    if thread is not None and thread.client_id != client.pk:
        raise ValidationError(_("Dit gesprek hoort niet bij deze cliënt."))
    body = _clean_body(body)
    if thread is None:
        subject = _clean_subject(subject)
    checked = _checked_uploads(attachments)
    now = at or timezone.now()
    due = reply_due(timezone.localdate(now))
    try:
        with transaction.atomic():
            if thread is None:
                thread = Thread.objects.create(
                    client=client,
                    subject=subject,
                    office_id=client.office_id,
                    last_message_at=now,
                    created_at=now,
                    reply_due=due,
                )
            else:
                thread = Thread.objects.select_for_update().get(pk=thread.pk)
                thread.last_message_at = now
                thread.reply_due = min(thread.reply_due or due, due)
                thread.save(update_fields=["last_message_at", "reply_due"])
            message = Message.objects.create(
                thread=thread,
                sender=Message.Sender.CLIENT,
                body=body,
                sent_at=now,
                submission_token=token,
            )
            _save_attachments(message, checked)
            text_sources.announce(message)
            record_event(
                client,
                "messaging.client_message",
                Actor.client(),
                {"subject": thread.subject},
                about=message,
                occurred_at=now,
            )
    except IntegrityError:
        earlier = _earlier(token, client=client)
        if earlier is not None:  # the same form, sent twice at the same moment
            return earlier
        raise
    return message


def _check_author(author: StaffMember) -> None:
    """Never anonymous: only an active staff member with a name and job title replies."""
    if author is None or not author.is_active or not author.user.is_active:
        raise ValidationError(_("Alleen een medewerker die in dienst is kan antwoorden."))
    if not author.job_title.strip() or not author.first_name.strip() or not author.surname.strip():
        raise ValidationError(
            _("Je kunt pas antwoorden als je naam en functie bekend zijn. Vraag de beheerder.")
        )
    if not author.user.has_perm(ANSWER):
        raise ValidationError(_("Je hebt geen recht om berichten te beantwoorden."))


def _record_assignment(thread, kind, staff, by_staff, reason, now) -> ThreadAssignment:
    previous = thread.assigned_to_id
    assignment = ThreadAssignment.objects.create(
        thread=thread,
        kind=kind,
        staff=staff,
        by_staff=by_staff,
        previous_staff_id=previous,
        reason=reason,
        at=now,
    )
    thread.assigned_to = staff
    thread.save(update_fields=["assigned_to"])
    # Tasks left behind by a staff member who left go to whoever has the thread now.
    FollowUp.objects.filter(thread=thread, staff__isnull=True, done_at__isnull=True).update(
        staff=staff
    )
    data = {"subject": thread.subject, "staff_name": staff.full_name, "job_title": staff.job_title}
    if kind == ThreadAssignment.Kind.HANDED_OVER:
        event_kind = "messaging.handed_over"
        data["reason"] = reason
    else:
        event_kind = "messaging.taken"
    record_event(
        thread.client, event_kind, Actor.of_staff(by_staff), data, about=assignment, occurred_at=now
    )
    return assignment


def reply(
    *,
    thread: Thread,
    author: StaffMember,
    body: str,
    attachments: Iterable = (),
    token=None,
    at: datetime | None = None,
) -> Message:
    """A signed staff reply. An unassigned thread becomes the author's. The client hears of it by
    e-mail (sent after commit, without the text) or, without digital channels, through a phone
    call or letter task for their contact person."""
    token = _token(token)
    earlier = _earlier(token, thread=thread)
    if earlier is not None:
        return earlier
    _check_author(author)
    body = _clean_body(body)
    checked = _checked_uploads(attachments)
    now = at or timezone.now()
    try:
        with transaction.atomic():
            thread = Thread.objects.select_for_update().select_related("client").get(pk=thread.pk)
            client = thread.client
            if thread.assigned_to_id is None:
                _record_assignment(thread, ThreadAssignment.Kind.TAKEN, author, author, "", now)
            contact_id = current_contact_id(client)
            contact = StaffMember.objects.filter(pk=contact_id).first() if contact_id else None
            message = Message.objects.create(
                thread=thread,
                sender=Message.Sender.STAFF,
                author=author,
                author_name=author.full_name,
                author_job_title=author.job_title,
                instead_of_name=contact.full_name if contact and contact.pk != author.pk else "",
                body=body,
                sent_at=now,
                submission_token=token,
            )
            _save_attachments(message, checked)
            thread.last_message_at = now
            thread.reply_due = None
            thread.save(update_fields=["last_message_at", "reply_due"])
            record_event(
                client,
                "messaging.staff_reply",
                Actor.of_staff(author),
                {
                    "subject": thread.subject,
                    "staff_name": author.full_name,
                    "job_title": author.job_title,
                },
                about=message,
                occurred_at=now,
            )
            _notify(thread, message, contact or author, now)
    except IntegrityError:
        earlier = _earlier(token, thread=thread)
        if earlier is not None:
            return earlier
        raise
    return message


def _notify(thread: Thread, message: Message, contact: StaffMember, now: datetime) -> None:
    """The notification service chooses how the client hears of the reply. By e-mail it sends a
    notice (after the commit, without the text); otherwise the contact person gets the follow-up
    it chose (a call or a letter), with a due date, on their call list or task list."""
    from maatwerk.notifications import actions as notifications
    from maatwerk.notifications import channels, kinds

    from .notices import reply_notice, reply_subject_shown

    client = thread.client
    choice = channels.choose(kinds.get("messaging.reply"), channels.Facts.of(client))
    if choice.channel == channels.EMAIL:
        subject, text = reply_notice(message)
        notifications.notify(
            client=client,
            kind="messaging.reply",
            subject=subject,
            text=text,
            about=message,
            dedupe_key=f"messaging.reply:{message.pk}",
            subject_shown=reply_subject_shown(message),
        )
        return
    kind = FollowUp.Kind.PHONE if choice.channel == channels.PHONE else FollowUp.Kind.LETTER
    due = add_working_days(timezone.localdate(now), app_settings.MESSAGING_FOLLOW_UP_WORKING_DAYS)
    follow_up = FollowUp.objects.create(
        thread=thread,
        message=message,
        client=client,
        staff=contact,
        kind=kind,
        due=due,
        created_at=now,
    )
    record_event(
        client,
        "messaging.follow_up_created",
        Actor.system(),
        {
            "subject": thread.subject,
            "task": source(follow_up.get_kind_display()),
            "due": date_value(due),
            "staff_name": contact.full_name,
        },
        about=follow_up,
        occurred_at=now,
    )


def take(*, thread: Thread, by_staff: StaffMember, at: datetime | None = None) -> ThreadAssignment:
    """Assign an unassigned thread to yourself."""
    _check_author(by_staff)
    require(may_take, by_staff.user, thread)
    now = at or timezone.now()
    with transaction.atomic():
        thread = Thread.objects.select_for_update().select_related("client").get(pk=thread.pk)
        if thread.assigned_to_id == by_staff.pk:
            return thread.assignments.order_by("-at", "-pk").first()
        if thread.assigned_to_id is not None:
            raise ValidationError(
                _("Dit bericht is al opgepakt door %(name)s.")
                % {"name": thread.assigned_to.full_name}
            )
        assignment = _record_assignment(
            thread, ThreadAssignment.Kind.TAKEN, by_staff, by_staff, "", now
        )
        # Taking a thread opens the client's messages to a colleague without a written reason
        # (ADR 0011): the audit log shows who did so.
        audit.log("messaging.taken", user=by_staff.user, client=thread.client, about=assignment)
    return assignment


def hand_over(
    *,
    thread: Thread,
    to_staff: StaffMember,
    by_staff: StaffMember,
    reason: str,
    at: datetime | None = None,
) -> ThreadAssignment:
    """Hand a thread to a colleague who answers messages at the client's office, with a reason.
    The earlier assignments stay in the history."""
    from .rules import colleagues_for

    _check_author(by_staff)
    require(may_hand_over, by_staff.user, thread)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf waarom je het bericht overdraagt.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Gebruik maximaal %(limit)d tekens.") % {"limit": REASON_MAX_LENGTH}}
        )
    now = at or timezone.now()
    with transaction.atomic():
        thread = Thread.objects.select_for_update().select_related("client").get(pk=thread.pk)
        if to_staff is None or thread.assigned_to_id == to_staff.pk:
            raise ValidationError(
                {"to_staff": _("Dit bericht ligt al bij deze collega. Kies iemand anders.")}
            )
        if not colleagues_for(thread).filter(pk=to_staff.pk).exists():
            raise ValidationError(
                {
                    "to_staff": _(
                        "Kies een collega in dienst die berichten beantwoordt op de vestiging "
                        "van de cliënt."
                    )
                }
            )
        assignment = _record_assignment(
            thread, ThreadAssignment.Kind.HANDED_OVER, to_staff, by_staff, reason, now
        )
        audit.log(
            "messaging.handed_over",
            user=by_staff.user,
            client=thread.client,
            about=assignment,
            reason=reason,
            data={"from_staff": assignment.previous_staff_id, "to_staff": to_staff.pk},
        )
    return assignment


def complete_follow_up(*, follow_up: FollowUp, by_staff: StaffMember) -> FollowUp:
    with transaction.atomic():
        follow_up = (
            FollowUp.objects.select_for_update().select_related("thread").get(pk=follow_up.pk)
        )
        if follow_up.done_at is not None:
            return follow_up
        follow_up.done_at = timezone.now()
        follow_up.done_by = by_staff
        follow_up.save(update_fields=["done_at", "done_by"])
        record_event(
            follow_up.client,
            "messaging.follow_up_done",
            Actor.of_staff(by_staff),
            {"subject": follow_up.thread.subject, "task": source(follow_up.get_kind_display())},
            about=follow_up,
        )
    return follow_up


def record_thread_view(*, user, thread: Thread, reason: str) -> None:
    """Reading a thread is a look into the client file: logged with its ground or reason."""
    audit.log(
        "messaging.thread_viewed", user=user, client=thread.client, about=thread, reason=reason
    )


def return_work_to_office(departure) -> None:
    """A staff member left service or an office (``core.staff_departure`` hook): their open
    follow-ups and the threads they hold that still need work (the client waits for a reply, or
    a follow-up is open) go back to the office's unassigned queue, in the departure's
    transaction. A follow-up on a thread a colleague holds goes to that colleague."""
    staff = departure.staff
    follow_ups = FollowUp.objects.select_for_update(of=("self",)).filter(
        staff=staff, done_at__isnull=True
    )
    threads = Thread.objects.select_for_update().filter(assigned_to=staff)
    if not departure.out_of_service:
        follow_ups = follow_ups.filter(client__office__in=departure.offices)
        threads = threads.filter(client__office__in=departure.offices)
    with_open_tasks = set(follow_ups.values_list("thread_id", flat=True))
    threads = threads.filter(Q(reply_due__isnull=False) | Q(pk__in=with_open_tasks))
    by_staff = getattr(departure.by_user, "staff_member", None)
    actor = Actor.of_staff(by_staff) if by_staff is not None else Actor.system()
    for thread in threads.select_related("client"):
        thread.assigned_to = None
        thread.save(update_fields=["assigned_to"])
        record_event(
            thread.client,
            "messaging.returned_to_office",
            actor,
            {"subject": thread.subject, "staff_name": staff.full_name},
            about=thread,
        )
        audit.log(
            "messaging.returned_to_office",
            user=departure.by_user,
            client=thread.client,
            about=thread,
            data={"from_staff": staff.pk},
        )
    for follow_up in follow_ups.select_related("thread__assigned_to"):
        holder = follow_up.thread.assigned_to
        in_service = holder is not None and holder.pk != staff.pk and holder.is_active
        follow_up.staff = holder if in_service else None
        follow_up.save(update_fields=["staff"])
