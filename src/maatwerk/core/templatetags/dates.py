"""The product's one date format in templates: ``{{ day|long_date }}`` → "15 december 2026",
``{{ moment|long_datetime }}`` → "15 december 2026, 10:00". Built in (settings.TEMPLATES), so
no template needs ``{% load %}`` for them."""

from django import template

from maatwerk.core import dates

register = template.Library()


@register.filter(expects_localtime=True)
def long_date(value) -> str:
    return dates.long_date(value) if value not in (None, "") else ""


@register.filter(expects_localtime=True)
def long_datetime(value) -> str:
    return dates.long_datetime(value) if value not in (None, "") else ""
