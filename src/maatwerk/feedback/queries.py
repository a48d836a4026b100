"""Reads: who a client may compliment, who owns an input, the lists and the office overview."""

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from maatwerk.access.rules import staff_of
from maatwerk.clients.models import Client, ContactAssignment
from maatwerk.core import disclosure
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.models import TimelineEvent

from .models import Compliment, DialogueSession, FeedbackItem

MANAGE_FEEDBACK = "manage_office_feedback"
OFFICE_COMPLIMENTS = "view_office_compliments"
SEARCH_LIMIT = 10


def _with_permission(queryset: QuerySet, codename: str) -> QuerySet:
    return queryset.filter(
        roles__permissions__codename=codename,
        roles__permissions__content_type__app_label="feedback",
    )


def contacts_of(client: Client) -> QuerySet[StaffMember]:
    """Active staff the client has had contact with: every contact person they ever had, and
    every staff member named on their timeline."""
    assigned = ContactAssignment.objects.filter(client=client).values("staff_id")
    on_timeline = TimelineEvent.objects.filter(client=client, actor_staff__isnull=False).values(
        "actor_staff_id"
    )
    return (
        StaffMember.objects.active()
        .filter(Q(pk__in=assigned) | Q(pk__in=on_timeline))
        .order_by("first_name", "surname", "pk")
    )


def office_staff(client: Client) -> QuerySet[StaffMember]:
    return StaffMember.objects.active().filter(offices=client.office_id)


def search_office_staff(client: Client, name: str) -> list[StaffMember]:
    """Staff of the client's office whose name contains every word typed (two letters or more)."""
    words = [w for w in (name or "").split() if len(w) >= 2][:4]
    if not words:
        return []
    found = office_staff(client)
    for word in words:
        found = found.filter(
            Q(first_name__icontains=word)
            | Q(surname__icontains=word)
            | Q(surname_prefix__icontains=word)
        )
    return list(found.distinct().order_by("first_name", "surname", "pk")[:SEARCH_LIMIT])


def office_managers(office) -> QuerySet[StaffMember]:
    """Who manages the feedback of an office: its active staff holding the permission."""
    return (
        _with_permission(StaffMember.objects.active(), MANAGE_FEEDBACK)
        .filter(offices=getattr(office, "pk", office))
        .distinct()
        .order_by("surname", "first_name", "pk")
    )


def current_contact_person(client: Client) -> StaffMember | None:
    assignment = (
        ContactAssignment.objects.filter(
            client=client, ended_at__isnull=True, staff__is_active=True
        )
        .select_related("staff")
        .first()
    )
    return assignment.staff if assignment else None


def default_owner(client: Client, kind: str) -> StaffMember | None:
    """The owner rule: a complaint goes to the manager of the client's office (the contact person
    may be what it is about); feedback and suggestions to the client's contact person. Each falls
    back on the other when there is nobody."""
    manager = office_managers(client.office_id).first()
    contact = current_contact_person(client)
    if client.is_practice:
        # A practice account's feedback stays with the staff member who practises.
        return contact
    if kind == FeedbackItem.Kind.COMPLAINT:
        return manager or contact
    return contact or manager


def owner_choices(item: FeedbackItem) -> QuerySet[StaffMember]:
    """Who can own an item: active staff of its office who may answer feedback."""
    return (
        _with_permission(StaffMember.objects.active(), "answer_feedback")
        .filter(offices=item.office_id)
        .distinct()
        .order_by("first_name", "surname", "pk")
    )


def items_for_client(client: Client) -> QuerySet[FeedbackItem]:
    return FeedbackItem.objects.filter(client=client).select_related("owner")


def compliments_by_client(client: Client) -> QuerySet[Compliment]:
    return Compliment.objects.filter(client=client).select_related("staff")


def compliments_for(staff: StaffMember) -> QuerySet[Compliment]:
    return (
        Compliment.objects.filter(staff=staff)
        .exclude(Q(client__is_practice=True) & ~Q(client__practice_owner=staff))
        .select_related("client")
    )


def office_compliments(user) -> QuerySet[Compliment]:
    staff = staff_of(user)
    if staff is None or not user.has_perm(f"feedback.{OFFICE_COMPLIMENTS}"):
        return Compliment.objects.none()
    offices = staff.offices.values("pk")
    return (
        Compliment.objects.filter(staff__offices__in=offices, client__is_practice=False)
        .select_related("staff", "client")
        .distinct()
    )


def owned_items(staff: StaffMember) -> QuerySet[FeedbackItem]:
    """The staff member's items: open ones first (earliest deadline first), then answered."""
    answered = Case(
        When(status=FeedbackItem.Status.ANSWERED, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        FeedbackItem.objects.filter(owner=staff, wants_answer=True)
        .select_related("client", "office")
        .order_by(answered, "deadline", "pk")
    )


def open_items(queryset=None) -> QuerySet[FeedbackItem]:
    queryset = FeedbackItem.objects.all() if queryset is None else queryset
    return queryset.filter(wants_answer=True).exclude(status=FeedbackItem.Status.ANSWERED)


def office_overview(today=None, first=()) -> list[dict]:
    """Per active office: open, overdue and answered inputs that asked for an answer. The
    offices in ``first`` (the manager's own) come first, then the most overdue.

    The manager's own offices show exact counts: their items are listed to them one by one
    anyway. Another office's counts are a figure about its clients and go through disclosure
    control (``maatwerk.core.disclosure``): with fewer inputs than the minimum group size they
    are None ("too few")."""
    today = today or timezone.localdate()
    answered = Q(feedback_items__status=FeedbackItem.Status.ANSWERED)
    # Practice accounts are left out of every figure.
    wants = Q(feedback_items__wants_answer=True, feedback_items__client__is_practice=False)
    rows = (
        Office.objects.filter(is_active=True)
        .annotate(
            open_count=Count("feedback_items", filter=wants & ~answered),
            overdue_count=Count(
                "feedback_items",
                filter=wants & ~answered & Q(feedback_items__deadline__lt=today),
            ),
            answered_count=Count("feedback_items", filter=wants & answered),
        )
        .order_by("-overdue_count", "-open_count", "name")
        .values("pk", "name", "open_count", "overdue_count", "answered_count")
    )
    first = set(first)
    rows = sorted(rows, key=lambda row: row["pk"] not in first)
    for row in rows:
        size = row["open_count"] + row["answered_count"]
        row["too_few"] = row["pk"] not in first and not disclosure.shown(size)
        if row["too_few"]:
            row["open_count"] = row["overdue_count"] = row["answered_count"] = None
    return rows


def open_items_of_offices(user) -> QuerySet[FeedbackItem]:
    staff = staff_of(user)
    if staff is None:
        return FeedbackItem.objects.none()
    return (
        open_items()
        .filter(office__in=staff.offices.values("pk"), client__is_practice=False)
        .select_related("office", "owner", "client")
        .order_by("office__name", "deadline", "pk")
    )


def sessions(user) -> QuerySet[DialogueSession]:
    found = DialogueSession.objects.select_related("office", "recorded_by")
    staff = staff_of(user)
    if staff is None or not user.has_perm("feedback.record_sessions"):
        return found.none()
    if user.has_perm("feedback.sessions_everywhere"):
        return found
    return found.filter(office__in=staff.offices.values("pk"))


def point_owner_choices(session: DialogueSession) -> QuerySet[StaffMember]:
    return (
        StaffMember.objects.active()
        .filter(offices=session.office_id)
        .order_by("first_name", "surname", "pk")
    )


def clients_in_reach(user, name: str) -> list[Client]:
    """Clients of the staff member's offices (and their own caseload) found by name, for
    recording an input on a client's behalf."""
    staff = staff_of(user)
    words = [w for w in (name or "").split() if len(w) >= 2][:4]
    if staff is None or not words:
        return []
    found = Client.objects.filter(
        Q(office__in=staff.offices.values("pk"), is_practice=False)
        | Q(assignments__staff=staff, assignments__ended_at__isnull=True)
        | Q(is_practice=True, practice_owner=staff)
    )
    for word in words:
        found = found.filter(
            Q(first_name__icontains=word)
            | Q(surname__icontains=word)
            | Q(surname_prefix__icontains=word)
        )
    found = found.select_related("office").distinct().order_by("surname", "first_name", "pk")
    return list(found[:SEARCH_LIMIT])
