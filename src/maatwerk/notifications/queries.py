"""Reads about notifications: the call-list source, the print queue, a client's letters."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from maatwerk.clients.models import Client
from maatwerk.core.call_list import CallItem

from .models import Notification


def open_calls():
    return Notification.objects.filter(
        channel=Notification.Channel.PHONE, status=Notification.Status.QUEUED
    ) | Notification.objects.filter(call_too=True, call_done_at__isnull=True)


def calls_due(staff, day: date) -> list[CallItem]:
    """Call-list source: open phone tasks of notifications for the staff member's own clients
    (whoever is the contact person now, so a reassigned client's calls follow them), and for a
    manager those of their offices' clients without a contact person (the unassigned queue)."""
    own = Client.objects.filter(assignments__staff=staff, assignments__ended_at__isnull=True)
    items = _items(open_calls().filter(client__in=own))
    if staff.user.has_perm("access.view_office_clients"):
        from maatwerk.clients.queries import without_contact_person

        nobodys = without_contact_person(staff.offices.all()).values("pk")
        items += _items(open_calls().filter(client__in=nobodys), without_contact_person=True)
    return items


def _items(notifications, *, without_contact_person: bool = False) -> list[CallItem]:
    found = notifications.select_related("client").order_by("created_at")
    items = []
    for notification in found:
        if notification.channel == Notification.Channel.PHONE:
            reason = _("Bel de cliënt: %(subject)s") % {"subject": notification.subject}
        else:
            reason = _("Bel de cliënt over de brief: %(subject)s") % {
                "subject": notification.subject
            }
        items.append(
            CallItem(
                client=notification.client,
                reason=reason,
                url=reverse("notifications:staff_detail", args=[notification.pk]),
                source="notifications",
                without_contact_person=without_contact_person,
            )
        )
    return items


def print_queue(clients):
    """Letters waiting to be printed and posted, oldest first, for ``clients`` (a queryset)."""
    return (
        Notification.objects.filter(
            channel=Notification.Channel.LETTER,
            status=Notification.Status.QUEUED,
            client__in=clients,
        )
        .select_related("client")
        .order_by("created_at", "pk")
    )


def letters_of(client: Client):
    return Notification.objects.filter(client=client, channel=Notification.Channel.LETTER)


def published_welcome():
    """The published version of the letter book's welcome letter, or None."""
    from maatwerk.letters.models import LetterTemplate

    template = (
        LetterTemplate.objects.filter(shipped_key="welkom", published_version__isnull=False)
        .select_related("published_version")
        .first()
    )
    return template.published_version if template is not None else None


def letters_for_portal(client: Client):
    """ "Mijn brieven": the letters Maatwerk made for this client (core.portal_letters source)."""
    from maatwerk.core.portal_letters import PortalLetter

    return [
        PortalLetter(
            subject=notification.subject,
            sent_at=notification.created_at,
            url=reverse("notifications:mine_detail", args=[notification.pk]),
            sender_name=(notification.letter.get("signer") or {}).get("full_name", ""),
        )
        for notification in letters_of(client)
    ]
