"""Where model versions live on disk, and an in-process cache of loaded models.

Models are stored by ``maatwerk.profiler`` (a safe format, never pickle) in a directory under
the model root; ``maatwerk.profiler.service.load`` refuses a directory that was tampered with.
"""

import threading
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .conf import app_settings

_cache: dict[tuple[int, str], object] = {}
_lock = threading.Lock()


class ModelUnavailable(Exception):
    """The model cannot be used; the message is Dutch and fit to show to staff."""


def profiler_api():
    """The profiler's Python interface, imported on first use: it loads scikit-learn and pandas,
    which a web worker that never scores should not carry."""
    from maatwerk.profiler import service

    return service


def model_root() -> Path:
    configured = app_settings.WERKVERKENNER_MODEL_ROOT
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "werkverkenner-modellen"


def path_of(version) -> Path:
    return model_root() / version.directory


def read_model(directory: Path):
    """Load a model directory, turning every failure into a clear Dutch message."""
    try:
        service = profiler_api()
    except ImportError as error:
        raise ModelUnavailable(
            _("De rekenmodule (maatwerk.profiler) is niet beschikbaar.")
        ) from error
    if not directory.is_dir():
        raise ModelUnavailable(
            _("De map met modelbestanden bestaat niet: %(path)s") % {"path": directory}
        )
    try:
        return service.load(directory)
    except service.ModelError as error:
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
