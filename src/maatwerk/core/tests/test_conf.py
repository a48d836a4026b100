"""App settings: one declaration per app, defaults that hold, and a start-up check that stops a
wrong value with a clear message."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from maatwerk.core.app_modules import app_modules
from maatwerk.core.conf import AppSettings, check_app_settings, whole_number


def declared():
    return {
        name: (app_config.label, setting)
        for app_config, module in app_modules("conf")
        for name, setting in module.app_settings
    }


def test_every_app_with_settings_declares_them_and_the_defaults_hold(settings):
    found = declared()
    assert {"core", "messaging", "feedback", "surveys", "panel", "werkverkenner"} <= {
        label for label, _ in found.values()
    }
    for name, (_label, setting) in found.items():
        assert setting.valid(setting.default), name
        if hasattr(settings, name):
            delattr(settings, name)  # also what settings.py leaves out without the environment
    assert check_app_settings() == []
    from maatwerk.core.conf import app_settings as core
    from maatwerk.panel.conf import app_settings as panel
    from maatwerk.werkverkenner.conf import app_settings as werkverkenner

    assert core.VOICE_MIN_GROUP_SIZE == 10
    assert werkverkenner.WERKVERKENNER_THRESHOLD == 0.5
    assert panel.PANEL_MAX_INVITATIONS_PER_YEAR == 12


def test_the_minimum_group_is_declared_once_in_core(settings):
    from maatwerk.core import disclosure
    from maatwerk.panel import queries as panel_queries
    from maatwerk.surveys import queries as survey_queries

    settings.VOICE_MIN_GROUP_SIZE = 4
    assert disclosure.min_group_size() == 4
    assert survey_queries.min_group_size() == panel_queries.min_group_size() == 4
    owners = [
        app_config.label
        for app_config, module in app_modules("conf")
        for name, _setting in module.app_settings
        if name == "VOICE_MIN_GROUP_SIZE"
    ]
    assert owners == ["core"]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("VOICE_MIN_GROUP_SIZE", 0, "must be a whole number of at least 1; it is 0."),
        ("PANEL_RELAY_TASKS", "4", "must be a whole number of at least 1; it is '4'."),
        ("MESSAGING_MAX_LENGTH", True, "must be a whole number of at least 1; it is True."),
        ("WERKVERKENNER_THRESHOLD", 1.5, "must be a number from 0 to 1; it is 1.5."),
        ("MESSAGING_HOLIDAY_COUNTRY", "XX", "a country code the holidays package knows"),
        ("FEEDBACK_HOLIDAY_COUNTRY", None, "a country code the holidays package knows"),
        ("PLAIN_LANGUAGE", {"MAX_WORDZ": 3}, "a dict of thresholds named in"),
        ("ORGANISATION_DEFAULTS", {"colour": "red"}, "a dict from some of name, short_name"),
        ("SURVEY_PSEUDONYM_SECRET", 42, "must be a text; it is 42."),
    ],
)
def test_a_wrong_value_is_a_clear_check_error(settings, name, value, expected):
    setattr(settings, name, value)
    [error] = check_app_settings()
    assert error.obj == name and error.msg.startswith(f"{name} must be ")
    assert expected in error.msg
    assert error.id.endswith(".E100") and "remove it to use the default" in error.hint


def test_maatwerk_check_runs_the_settings_check(settings):
    settings.VOICE_MIN_GROUP_SIZE = -1
    with pytest.raises(SystemCheckError, match="VOICE_MIN_GROUP_SIZE must be a whole number"):
        call_command("check")


def test_a_setting_that_is_not_declared_cannot_be_read():
    app_settings = AppSettings(SOME_LIMIT=whole_number(3))
    assert app_settings.SOME_LIMIT == 3
    with pytest.raises(AttributeError, match="OTHER_LIMIT"):
        app_settings.OTHER_LIMIT  # noqa: B018
