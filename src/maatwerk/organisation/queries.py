from types import SimpleNamespace

from django.conf import settings

from .models import Organisation

DEFAULT = SimpleNamespace(
    name="Maatwerk",
    short_name="Maatwerk",
    phone="",
    website="",
    client_portal_name="Mijn Maatwerk",
    return_address="",
)


def organisation():
    """The organisation's names; a neutral default until an administrator fills them in."""
    found = Organisation.objects.filter(pk=1).first()
    if found is not None:
        return found
    return SimpleNamespace(**{**vars(DEFAULT), **getattr(settings, "ORGANISATION_DEFAULTS", {})})
