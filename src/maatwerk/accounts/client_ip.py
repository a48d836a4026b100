"""The visitor's address for log-in throttling (``AXES_CLIENT_IP_CALLABLE``)."""

from ipaddress import ip_address

from .conf import app_settings


def _meta_key(header: str) -> str:
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request) -> str | None:
    """The address in ``CLIENT_IP_HEADER`` when set, else the connection's own address.

    Of a list (``X-Forwarded-For: a, b, c``) only the last entry counts: our proxy appends the
    address it saw, and everything before it was sent by the visitor and can be made up. A header
    that is missing or holds no valid address falls back to the connection's address.
    """
    header = app_settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(_meta_key(header), "").split(",")[-1].strip()
        try:
            return str(ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")
