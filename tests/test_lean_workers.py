"""A web worker imports the URLconf and the WSGI application; the libraries for training,
scoring, PDFs and exports stay out of it until a request needs them (ADR 0019)."""

import json
import os
import subprocess
import sys
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured
from ninja import Router

from maatwerk.api.urls import router_of

HEAVY = ("sklearn", "pandas", "scipy", "numpy", "openpyxl", "weasyprint")

WORKER_BOOT = f"""
import json, sys
import django
django.setup()
import maatwerk.urls
import maatwerk.wsgi
print(json.dumps(sorted(name for name in {HEAVY!r} if name in sys.modules)))
"""


def test_a_web_worker_boots_without_the_heavy_libraries():
    # A fresh interpreter: this test process has imported whatever other tests needed.
    done = subprocess.run(
        [sys.executable, "-c", WORKER_BOOT],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "maatwerk.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_an_api_module_without_a_router_is_refused():
    python_interface = ModuleType("maatwerk.example.api")
    python_interface.fit = lambda frame: frame

    with pytest.raises(ImproperlyConfigured, match=r"maatwerk\.example\.api has no `router"):
        router_of(python_interface)


def test_an_api_module_gives_its_router():
    web_interface = ModuleType("maatwerk.example.api")
    web_interface.router = Router()

    assert router_of(web_interface) is web_interface.router
