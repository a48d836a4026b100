"""The main menu, as data: each app adds its own links from its ``AppConfig.ready()``.

``register("staff", _("Inbox"), "messaging:inbox", permission="messaging.answer_messages")``
shows the link to staff who hold that permission; ``"client"`` links show in the client portal.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from .registry import Registry

AUDIENCES = ("staff", "client")


@dataclass(frozen=True)
class NavItem:
    audience: str
    label: Promise
    url_name: str
    permission: str | None = None
    order: int = 100


# Keyed by audience and URL name: one link per page in each menu.
registry: Registry[NavItem] = Registry("menu link")


def register(
    audience: str, label: Promise, url_name: str, *, permission: str | None = None, order=100
) -> NavItem:
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown menu audience {audience!r}; use one of {AUDIENCES}.")
    item = NavItem(audience, label, url_name, permission, order)
    return registry.register(f"{audience} {url_name}", item)


def _in_menu_order() -> list[NavItem]:
    return sorted(registry.values(), key=lambda item: (item.order, item.url_name))


def links_for(user, audience: str | None) -> list[tuple[str, str]]:
    """(label, url) pairs the user may see, in menu order."""
    if audience is None:
        return []
    return [
        (str(item.label), reverse(item.url_name))
        for item in _in_menu_order()
        if item.audience == audience and (item.permission is None or user.has_perm(item.permission))
    ]


def first_granted_page(user) -> str | None:
    """The first staff page that a role grants (links open to all staff, such as one's own
    compliments, do not count: someone without a role gets the "no role" page instead)."""
    for item in _in_menu_order():
        if item.audience == "staff" and item.permission and user.has_perm(item.permission):
            return reverse(item.url_name)
    return None
