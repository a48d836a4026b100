"""App settings in one shape (docs/adr/0025-settings-in-one-shape.md).

An app that an installation can tune declares its settings once, in its ``conf.py``::

    app_settings = AppSettings(
        MESSAGING_MAX_LENGTH=whole_number(5000, minimum=1),
    )

Code reads ``app_settings.MESSAGING_MAX_LENGTH``: Django's setting when the installation set it,
else the default declared here, read on every access so ``override_settings`` works. The system
check below validates every declared setting of every app at start-up (``maatwerk check``,
``runserver``, ``migrate``), so a wrong value stops the start, not a client's request.

Core declares the one setting every app's figures share:

- ``VOICE_MIN_GROUP_SIZE`` (10): a figure shown to managers, researchers or councils never
  describes fewer people than this (``maatwerk.core.disclosure``; surveys, the client panel and
  feedback alike). ``settings.py`` maps the environment variable of that name onto it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import holidays
from django.conf import settings
from django.core.checks import Error, register

from .app_modules import app_modules


@dataclass(frozen=True)
class Setting:
    default: Any
    expected: str  # what a valid value is, in the error message: "a whole number of at least 1"
    valid: Callable[[Any], bool]


class AppSettings:
    def __init__(self, **declared: Setting):
        self._declared = declared

    def __getattr__(self, name: str):
        try:
            setting = self._declared[name]
        except KeyError:
            raise AttributeError(f"No app setting {name!r} is declared here.") from None
        return getattr(settings, name, setting.default)

    def __iter__(self):
        return iter(self._declared.items())

    def errors(self, app_label: str) -> list[Error]:
        found = []
        for name, setting in self:
            value = getattr(self, name)
            try:
                valid = setting.valid(value)
            except Exception:  # noqa: BLE001  (a validator tripping over a strange value = invalid)
                valid = False
            if not valid:
                found.append(
                    Error(
                        f"{name} must be {setting.expected}; it is {value!r}.",
                        hint=f"Fix {name} in the settings, or remove it to use the default "
                        f"({setting.default!r}).",
                        obj=name,
                        id=f"{app_label}.E100",
                    )
                )
        return found


def _number(value, kind: type) -> bool:
    return isinstance(value, kind) and not isinstance(value, bool)


def whole_number(default: int, *, minimum: int | None = None) -> Setting:
    expected = "a whole number" + (f" of at least {minimum}" if minimum is not None else "")
    return Setting(
        default, expected, lambda v: _number(v, int) and (minimum is None or v >= minimum)
    )


def fraction(default: float) -> Setting:
    return Setting(
        default, "a number from 0 to 1", lambda v: _number(v, int | float) and 0 <= v <= 1
    )


def text(default: str) -> Setting:
    return Setting(default, "a text", lambda v: isinstance(v, str))


def holiday_country(default: str) -> Setting:
    """A country code the ``holidays`` package knows ("NL", "BE", ...)."""

    def known(code) -> bool:
        return isinstance(code, str) and code in holidays.list_supported_countries()

    return Setting(default, "a country code the holidays package knows, such as 'NL'", known)


@register()
def check_app_settings(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for app_config, module in app_modules("conf"):
        if app_configs is not None and app_config not in app_configs:
            continue
        declared = getattr(module, "app_settings", None)
        if isinstance(declared, AppSettings):
            errors.extend(declared.errors(app_config.label))
    return errors


app_settings = AppSettings(
    VOICE_MIN_GROUP_SIZE=whole_number(10, minimum=1),
)
