"""Find the Maatwerk apps that provide a module of a given name (``roles``, ``demo``, ``api``...).

Shared registries (default roles, demo steps, API routers, permission matrices) collect what the
capability apps bring this way, in the order of INSTALLED_APPS, so an app never edits them.
"""

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import AppConfig, apps


def app_modules(name: str, *, exclude: str = "") -> Iterator[tuple[AppConfig, ModuleType]]:
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("maatwerk.") or app_config.name == exclude:
            continue
        module_name = f"{app_config.name}.{name}"
        parent = module_name.rpartition(".")[0]
        if parent != app_config.name and find_spec(parent) is None:
            continue
        if find_spec(module_name) is not None:
            yield app_config, import_module(module_name)
