from .helpers import call  # noqa: F401
