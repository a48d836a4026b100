"""Where model versions live on disk, and an in-process cache of loaded models.

Models are stored by ``maatwerk.profiler`` (a safe format, never pickle) in a directory under
the model root; ``api.load`` refuses a directory that was tampered with.
"""

import threading
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

_cache: dict[tuple[int, str], object] = {}
_lock = threading.Lock()


class ModelUnavailable(Exception):
    """The model cannot be used; the message is Dutch and fit to show to staff."""


def profiler_api():
    from maatwerk.profiler import api

    return api


def model_root() -> Path:
    configured = getattr(settings, "WERKVERKENNER_MODEL_ROOT", "")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "werkverkenner-modellen"


def path_of(version) -> Path:
    return model_root() / version.directory


def read_model(directory: Path):
    """Load a model directory, turning every failure into a clear Dutch message."""
    try:
        api = profiler_api()
    except ImportError as error:
        raise ModelUnavailable(
            _("De rekenmodule (maatwerk.profiler) is niet beschikbaar.")
        ) from error
    if not directory.is_dir():
        raise ModelUnavailable(
            _("De map met modelbestanden bestaat niet: %(path)s") % {"path": directory}
        )
    try:
        return api.load(directory)
    except api.ModelError as error:
        raise ModelUnavailable(
            _("De modelbestanden zijn veranderd of beschadigd en worden niet gebruikt: %(error)s")
            % {"error": error}
        ) from error
    except (OSError, ValueError) as error:
        raise ModelUnavailable(
            _("De modelbestanden kunnen niet worden gelezen: %(error)s") % {"error": error}
        ) from error


def load(version):
    """The loaded model of a ModelVersion, cached per version in this process."""
    directory = path_of(version)
    key = (version.pk, str(directory))
    with _lock:
        model = _cache.get(key)
    if model is None:
        model = read_model(directory)
        with _lock:
            _cache[key] = model
    return model


def forget(version=None) -> None:
    with _lock:
        if version is None:
            _cache.clear()
        else:
            for key in [k for k in _cache if k[0] == version.pk]:
                del _cache[key]
