"""Reads for the inbox, the thread pages, the API and the call list.

Public: ``inbox(staff, box, status)``, ``threads_for_client(client)``, ``messages_of(thread)``,
``contact_person(client)``, ``open_follow_ups(thread)``, ``calls_due(staff, day)``.
"""

from datetime import date

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.clients.models import Client, ContactAssignment
from maatwerk.core.call_list import CallItem
from maatwerk.organisation.models import StaffMember

from .models import FollowUp, Message, Thread

TO_ANSWER = "te-beantwoorden"
MINE = "mij"
UNASSIGNED = "open"
MY_CLIENTS = "clienten"
BOXES = (TO_ANSWER, MINE, UNASSIGNED, MY_CLIENTS)

ALL = "alle"
WAITING = "wacht"
OVERDUE = "te-laat"
STATUSES = (ALL, WAITING, OVERDUE)


def _ordered(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """Waiting threads first, the one due soonest on top; then the rest, newest first."""
    return threads.order_by(
        F("reply_due").asc(nulls_last=True), F("last_message_at").desc(), F("pk").desc()
    )


def _unassigned_at_offices(staff: StaffMember) -> QuerySet[Thread]:
    # A list, not a subquery: with literal ids SQLite picks the partial unassigned index.
    office_ids = list(staff.offices.values_list("pk", flat=True))
    return Thread.objects.filter(assigned_to__isnull=True, office_id__in=office_ids).filter(
        Q(client__is_practice=False) | Q(client__practice_owner=staff)
    )


def _own_client_ids(staff: StaffMember):
    return ContactAssignment.objects.filter(staff=staff, ended_at__isnull=True).values("client_id")


def inbox(staff: StaffMember, box: str = TO_ANSWER, status: str = ALL) -> QuerySet[Thread]:
    """Threads for a staff member's inbox.

    - ``te-beantwoorden`` (the default): what they are expected to answer: threads assigned to
      them, and the unassigned threads at their offices of their own clients or of clients
      without a contact person (nobody else is expected to pick those up, ADR 0032). An
      unassigned thread of a colleague's client stays in ``open``; its contact person sees it;
    - ``mij``: assigned to them;
    - ``open``: nobody's yet, of clients at their offices (practice accounts only for their
      owner);
    - ``clienten``: of the clients whose named contact person they are, whoever has them.

    ``status``: ``alle``, ``wacht`` (the client waits for a reply) or ``te-laat`` (past the
    response-time target).
    """
    if box == TO_ANSWER:
        with_contact_person = ContactAssignment.objects.filter(ended_at__isnull=True).values(
            "client_id"
        )
        unassigned = _unassigned_at_offices(staff).filter(
            Q(client_id__in=_own_client_ids(staff)) | ~Q(client_id__in=with_contact_person)
        )
        threads = Thread.objects.filter(Q(assigned_to=staff) | Q(pk__in=unassigned.values("pk")))
    elif box == UNASSIGNED:
        threads = _unassigned_at_offices(staff)
    elif box == MY_CLIENTS:
        threads = Thread.objects.filter(client_id__in=_own_client_ids(staff))
    else:
        threads = Thread.objects.filter(assigned_to=staff)
    if status == WAITING:
        threads = threads.filter(reply_due__isnull=False)
    elif status == OVERDUE:
        threads = threads.filter(reply_due__lt=timezone.localdate())
    return _ordered(threads.select_related("client", "assigned_to"))


def threads_for_client(client: Client) -> QuerySet[Thread]:
    return client.message_threads.select_related("assigned_to").order_by("-last_message_at", "-pk")


def messages_of(thread: Thread) -> QuerySet[Message]:
    return thread.messages.prefetch_related("attachments").order_by("sent_at", "pk")


def contact_person(client: Client) -> StaffMember | None:
    """The client's named contact person (as the portal's "Mijn adviseur" finds them)."""
    assignment = (
        ContactAssignment.objects.filter(client=client, ended_at__isnull=True)
        .select_related("staff")
        .first()
    )
    return assignment.staff if assignment else None


def assignment_history(thread: Thread):
    return thread.assignments.select_related("staff", "by_staff", "previous_staff").order_by(
        "at", "pk"
    )


def open_follow_ups(thread: Thread) -> QuerySet[FollowUp]:
    return thread.follow_ups.filter(done_at__isnull=True).select_related("staff")


def is_overdue(thread: Thread, today: date | None = None) -> bool:
    return thread.reply_due is not None and thread.reply_due < (today or timezone.localdate())


def calls_due(staff: StaffMember, day: date) -> list[CallItem]:
    """Call-list source: phone follow-ups of replies to clients without digital channels, open
    and due on or before `day`."""
    follow_ups = (
        FollowUp.objects.filter(
            staff=staff, done_at__isnull=True, kind=FollowUp.Kind.PHONE, due__lte=day
        )
        .select_related("client", "thread")
        .order_by("due", "pk")
    )
    return [
        CallItem(
            client=follow_up.client,
            reason=_("Bel over het antwoord op het bericht '%(subject)s'.")
            % {"subject": follow_up.thread.subject},
            url=reverse("messaging:staff_thread", args=[follow_up.thread_id]),
            source="messaging",
        )
        for follow_up in follow_ups
    ]


def open_work(client: Client):
    """Open-work source (``core.open_work``): threads that wait for a staff reply and open
    follow-ups (calls, letters) for the client."""
    from maatwerk.core.open_work import OpenWork

    return [
        OpenWork(
            _("Berichten die wachten op antwoord"),
            Thread.objects.filter(client=client, reply_due__isnull=False).count(),
        ),
        OpenWork(
            _("Vervolgtaken (bellen, brief)"),
            FollowUp.objects.filter(client=client, done_at__isnull=True).count(),
        ),
    ]
