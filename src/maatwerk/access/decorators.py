"""Every view declares who may call it. A view without a declaration is refused (see middleware)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_not_required

from .rules import client_of, staff_of


@dataclass(frozen=True)
class AccessRule:
    description: str
    public: bool = False
    check: Callable = lambda request: True


def _declare(rule: AccessRule):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            return view(*args, **kwargs)

        wrapped.access_rule = rule
        return login_not_required(wrapped) if rule.public else wrapped

    return decorator


def public(view):
    """Anyone, also without logging in (log-in page, health check)."""
    return _declare(AccessRule("public", public=True))(view)


def logged_in(view):
    """Any logged-in user, staff or client."""
    return _declare(AccessRule("logged in"))(view)


def staff(*permissions: str):
    """An active staff member holding every permission named."""

    def check(request):
        return staff_of(request.user) is not None and request.user.has_perms(permissions)

    return _declare(AccessRule(f"staff {', '.join(permissions)}", check=check))


def client_or_practice(view):
    """A client, or a staff member with a practice account acting as a client."""

    def check(request):
        if client_of(request.user) is not None:
            return True
        return staff_of(request.user) is not None and request.user.has_perm(
            "access.practice_as_client"
        )

    return _declare(AccessRule("client", check=check))(view)
