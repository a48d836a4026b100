"""Object-level access, in one place: who may open which client file, and on what ground.

Every app with object-level rules keeps them in its own ``rules.py`` in one shape: plain
predicates ``may_<verb>(user_or_staff, obj, ...) -> bool``. Views and actions enforce a rule
with ``require(rule, *args)``, so a refusal is the same 403 everywhere (ADR 0023)."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from maatwerk.clients.models import Client
from maatwerk.organisation.models import StaffMember


class Ground(Enum):
    CONTACT_PERSON = "contact_person"
    OFFICE_MANAGER = "office_manager"
    PRACTICE_OWNER = "practice_owner"
    REASON_GIVEN = "reason_given"


GROUND_LABELS = {
    Ground.CONTACT_PERSON: _("vaste contactpersoon"),
    Ground.OFFICE_MANAGER: _("vestigingsmanager van de vestiging van de cliënt"),
    Ground.PRACTICE_OWNER: _("eigen oefenaccount"),
}


@dataclass(frozen=True)
class ClientAccess:
    allowed: bool
    ground: Ground | None = None
    needs_reason: bool = False

    @property
    def implied_reason(self) -> str:
        return str(GROUND_LABELS.get(self.ground, ""))


DENIED = ClientAccess(False)


def require(rule: Callable[..., bool], *args) -> None:
    """Refuse (PermissionDenied, a 403 on a page) unless ``rule(*args)`` holds."""
    if not rule(*args):
        raise PermissionDenied


def staff_of(user) -> StaffMember | None:
    """The active staff member behind a user, or None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    staff = getattr(user, "staff_member", None)
    if staff is None or not staff.is_active:
        return None
    return staff


def is_staff_user(user) -> bool:
    return staff_of(user) is not None


def client_of(user) -> Client | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return getattr(user, "client", None)


def current_contact_id(client: Client) -> int | None:
    return (
        client.assignments.filter(ended_at__isnull=True).values_list("staff_id", flat=True).first()
    )


def client_access(user, client: Client) -> ClientAccess:
    staff = staff_of(user)
    if staff is None:
        return DENIED
    if client.is_practice:
        if client.practice_owner_id == staff.pk:
            return ClientAccess(True, Ground.PRACTICE_OWNER)
        return DENIED
    if user.has_perm("access.view_own_caseload") and current_contact_id(client) == staff.pk:
        return ClientAccess(True, Ground.CONTACT_PERSON)
    if (
        user.has_perm("access.view_office_clients")
        and staff.offices.filter(pk=client.office_id).exists()
    ):
        return ClientAccess(True, Ground.OFFICE_MANAGER)
    if user.has_perm("access.view_client_with_reason"):
        return ClientAccess(False, Ground.REASON_GIVEN, needs_reason=True)
    return DENIED


def may_open_file(user, client: Client) -> bool:
    """May this staff member open the client's file at all: on a ground, or with a reason
    (which the page or the API call asks for and records before any action runs)."""
    access = client_access(user, client)
    return access.allowed or access.needs_reason


def may_give_reason(access: ClientAccess) -> bool:
    """Does a reason open this file: closed without one, and not closed whatever the reason?"""
    return access.needs_reason


def may_list_clients(user, scope: str) -> bool:
    """May this user list their own caseload (``own``) or all their offices' clients?"""
    if scope == "office":
        return user.has_perm("access.view_office_clients")
    return user.has_perm("access.view_own_caseload")


def can_reassign(user, client: Client) -> bool:
    staff = staff_of(user)
    return (
        staff is not None
        and not client.is_practice
        and user.has_perm("access.reassign_client")
        and staff.offices.filter(pk=client.office_id).exists()
    )


def visible_clients(user, scope: str = "own") -> QuerySet[Client]:
    """The clients a staff member may list: their own caseload, or their offices' clients."""
    staff = staff_of(user)
    if staff is None:
        return Client.objects.none()
    if scope == "office" and user.has_perm("access.view_office_clients"):
        return Client.objects.real().filter(office__in=staff.offices.all())
    if scope == "own" and user.has_perm("access.view_own_caseload"):
        return Client.objects.real().filter(
            assignments__staff=staff, assignments__ended_at__isnull=True
        )
    return Client.objects.none()


def advisers_of_office(office) -> QuerySet[StaffMember]:
    """Who can be a contact person at an office (an Office or its id): its active advisers."""
    return (
        StaffMember.objects.active()
        .filter(
            offices=getattr(office, "pk", office),
            roles__permissions__codename="view_own_caseload",
            roles__permissions__content_type__app_label="access",
        )
        .distinct()
    )


def advisers_for(client: Client) -> QuerySet[StaffMember]:
    """Who can become this client's contact person: active advisers of the client's office."""
    return advisers_of_office(client.office_id)


def may_register_clients(user) -> bool:
    """May this user register clients at all (at an office where they work)?"""
    return staff_of(user) is not None and user.has_perm("access.register_client")


def can_register_client_at(user, office) -> bool:
    """May this user register a client at this office: the permission, and working there."""
    staff = staff_of(user)
    return (
        staff is not None
        and user.has_perm("access.register_client")
        and staff.offices.filter(pk=office.pk).exists()
    )
