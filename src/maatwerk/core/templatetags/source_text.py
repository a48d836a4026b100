"""``{{ value|shown }}``: stored Dutch source text in the reader's language (core.source_text).

A built-in (settings.TEMPLATES), so every template can use it without ``{% load %}``."""

from django import template

from maatwerk.core.source_text import show

register = template.Library()


@register.filter
def shown(value) -> str:
    return show(value)
