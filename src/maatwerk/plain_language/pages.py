"""Maatwerk's own client-facing page texts, found without a hand-kept list.

A template is client-facing when
1. a view that a client may open renders it: every URL whose view is declared
   `@client_or_practice` (access rule "client") or whose path starts with `mijn/`. The template
   names are the `"....html"` string literals in the view's source and in the module-level
   functions it calls (recursively, same module) — e.g. werkverkenner's `start` → `_start` →
   "werkverkenner/start.html";
2. such a template includes or extends it (`{% include "..." %}`, `{% extends "..." %}`);
3. or it matches `EXTRA_TEMPLATES` (pages a client sees without a client view: the error pages,
   and by convention any `<app>/mijn/...` or `<app>/mijn_...` template, so an app whose views
   render through a helper in another module is still found);
4. or it says so itself with the comment `{# client-facing #}` anywhere in it — the way to opt in
   e-mails to clients and other texts no client view renders (`.html` and `.txt` templates).
   An e-mail template (in an `email/` or `mail/` folder, or named `email.*`) must say who reads
   it: `{# client-facing #}` or `{# staff-facing #}` (`unmarked_mail_templates()`), so a new
   client e-mail cannot slip past the check.

Texts a client reads that are built in code, not in a template (an e-mail subject, the panel
invitation), come from each app's `client_texts.py`: a function `client_texts()` returning
`{name: text}`, with example values filled in (`code_texts()` collects them).

`template_text()` turns a template into checkable text: `{% translate "x" %}` becomes x, a
`{% blocktranslate %}` block becomes its (singular) text, every other tag and `{# #}` comment is
dropped, `{{ variables }}` stay (the check counts them as one neutral word). Attribute texts
(alt, aria-label, title) are not checked.
"""

import dis
import fnmatch
import inspect
import re
import types
from pathlib import Path

from django.template import TemplateDoesNotExist, engines
from django.urls import URLPattern, URLResolver, get_resolver

import maatwerk
from maatwerk.core.app_modules import app_modules

EXTRA_TEMPLATES = (
    "403.html",
    "404.html",
    "500.html",
    "*/mijn/*.html",
    "*/mijn_*.html",
)

MARKER = "{# client-facing #}"
STAFF_MARKER = "{# staff-facing #}"
MAIL_TEMPLATES = ("*/email/*", "*/mail/*", "*/email.*", "email.*")

_TEMPLATE_LITERAL = re.compile(r"""["']([\w./-]+\.html)["']""")
_REFERENCE = re.compile(r"""\{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def client_views() -> list:
    views = []
    for route, callback in _walk(get_resolver().url_patterns):
        rule = getattr(callback, "access_rule", None)
        is_client = rule is not None and rule.description == "client"
        if is_client or route.lstrip("^").startswith("mijn/"):
            views.append(callback)
    return views


def _templates_in_code(function, seen: set) -> set[str]:
    function = inspect.unwrap(function)
    view_class = getattr(function, "view_class", None)
    if view_class is not None:
        names = {getattr(view_class, "template_name", None)} - {None}
        return (
            names | _templates_in_code(view_class, seen) if isinstance(view_class, type) else names
        )
    if function in seen:
        return set()
    seen.add(function)
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return set()
    names = set(_TEMPLATE_LITERAL.findall(source))
    code = getattr(function, "__code__", None)
    module_globals = getattr(function, "__globals__", {})
    for name in _globals_used(code) if code else ():
        candidate = module_globals.get(name)
        if (
            isinstance(candidate, types.FunctionType)
            and candidate.__module__ == function.__module__
        ):
            names |= _templates_in_code(candidate, seen)
    return names


def _globals_used(code: types.CodeType) -> set[str]:
    """Global names the code loads (not attribute names, which share co_names), nested code too."""
    names = {
        ins.argval
        for ins in dis.get_instructions(code)
        if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME")
    }
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= _globals_used(constant)
    return names


def _all_template_names() -> dict[str, Path]:
    """Every template file of Maatwerk's apps and of the configured DIRS, by its name (not
    Django's own admin templates, which no client sees)."""
    package = Path(maatwerk.__file__).resolve().parent
    found: dict[str, Path] = {}
    for engine in engines.all():
        configured = {Path(directory).resolve() for directory in engine.engine.dirs}
        for loader in engine.engine.template_loaders:
            for directory in loader.get_dirs():
                directory = Path(directory).resolve()
                ours = directory.is_relative_to(package) or directory in configured
                if not ours or not directory.is_dir():
                    continue
                for path in directory.rglob("*"):
                    if path.suffix in (".html", ".txt") and path.is_file():
                        found.setdefault(path.relative_to(directory).as_posix(), path)
    return found


def client_facing_templates() -> list[str]:
    """Names of the client-facing templates of this installation, sorted."""
    available = _all_template_names()
    names: set[str] = set()
    seen: set = set()
    for view in client_views():
        names |= _templates_in_code(view, seen)
    names |= {
        name for name in available if any(fnmatch.fnmatch(name, glob) for glob in EXTRA_TEMPLATES)
    }
    names |= {
        name
        for name, path in available.items()
        if MARKER in path.read_text(encoding="utf-8", errors="replace")
    }
    queue = list(names)
    while queue:
        source = template_source(queue.pop())
        for referenced in _REFERENCE.findall(source or ""):
            if referenced not in names:
                names.add(referenced)
                queue.append(referenced)
    return sorted(name for name in names if name in available)


def unmarked_mail_templates() -> list[str]:
    """E-mail templates that do not say whether a client or a staff member reads them."""
    unmarked = []
    for name, path in _all_template_names().items():
        if any(fnmatch.fnmatch(name, glob) for glob in MAIL_TEMPLATES):
            source = path.read_text(encoding="utf-8", errors="replace")
            if MARKER not in source and STAFF_MARKER not in source:
                unmarked.append(name)
    return sorted(unmarked)


def code_texts() -> dict[str, str]:
    """Client texts built in code, from every app's ``client_texts.client_texts()``, by
    "app: name"."""
    texts = {}
    for app_config, module in app_modules("client_texts"):
        for name, text in module.client_texts().items():
            texts[f"{app_config.label}: {name}"] = text
    return texts


def template_source(name: str) -> str | None:
    for engine in engines.all():
        try:
            return engine.get_template(name).template.source
        except (TemplateDoesNotExist, AttributeError):
            continue
    return None


_TRANSLATE = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(?:_\()?(["'])(.*?)\1\)?(?:\s+[^%]*)?%\}""", re.S
)
_BLOCK = re.compile(
    r"\{%\s*(?:blocktranslate|blocktrans)\b[^%]*%\}(.*?)\{%\s*(?:endblocktranslate|endblocktrans)\s*%\}",
    re.S,
)
_PLURAL = re.compile(r"\{%\s*plural\s*%\}.*", re.S)
_COMMENT = re.compile(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}", re.S)
_TAG = re.compile(r"\{%.*?%\}", re.S)


def template_text(source: str) -> str:
    """The text a reader sees, from a Django template's source (see the module docstring)."""
    text = _COMMENT.sub(" ", source)
    text = _TRANSLATE.sub(lambda match: match.group(2), text)
    text = _BLOCK.sub(lambda match: _PLURAL.sub("", match.group(1)), text)
    return _TAG.sub(" ", text)
