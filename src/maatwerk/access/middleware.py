import logging

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

logger = logging.getLogger(__name__)

# These URL namespaces bring their own deny-by-default checks (admin site, API token auth).
SELF_GUARDED_NAMESPACES = {"admin", "api"}


class AccessMiddleware:
    """Deny by default: a view runs only when it declares an access rule that the request meets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and SELF_GUARDED_NAMESPACES & set(match.namespaces):
            return None
        rule = getattr(view_func, "access_rule", None)
        if rule is None:
            logger.error("view without access rule refused", extra={"path": request.path})
            raise PermissionDenied
        if rule.public:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rule.check(request):
            raise PermissionDenied
        return None
