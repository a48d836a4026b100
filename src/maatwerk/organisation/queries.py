from types import SimpleNamespace

from .conf import NEUTRAL_NAMES, app_settings
from .models import Organisation


def organisation():
    """The organisation's names; a neutral default until an administrator fills them in."""
    found = Organisation.objects.filter(pk=1).first()
    if found is not None:
        return found
    return SimpleNamespace(**{**NEUTRAL_NAMES, **app_settings.ORGANISATION_DEFAULTS})
