"""Versioning that cannot silently skip a history row.

Every action that changes a template's text is wrapped in ``@versioned``. It returns the new
``TemplateVersion``; the decorator then checks, inside the same transaction, that the row is in
the database, that the template's head points at it and that the numbers are contiguous
(1..n, no gaps). If any of that fails it raises ``VersionNotRecorded`` and the whole change rolls
back: a change without its history row can never be committed. (The idea comes from GOV.UK
Notify's ``version_class`` decorator; the unique (template, number) constraint backs it up.)
"""

from functools import wraps

from django.db import transaction


class VersionNotRecorded(RuntimeError):
    pass


def check_recorded(version) -> None:
    from .models import LetterTemplate, TemplateVersion

    if version is None or version.pk is None:
        raise VersionNotRecorded("The action wrote no version row.")
    head = LetterTemplate.objects.get(pk=version.template_id)
    numbers = list(
        TemplateVersion.objects.filter(template_id=version.template_id)
        .order_by("number")
        .values_list("number", flat=True)
    )
    if head.latest_number != version.number or numbers != list(range(1, version.number + 1)):
        raise VersionNotRecorded(
            f"Template {version.template_id}: head {head.latest_number}, "
            f"versions {numbers}, new {version.number}."
        )


def versioned(action):
    @wraps(action)
    def wrapper(*args, **kwargs):
        with transaction.atomic():
            version = action(*args, **kwargs)
            check_recorded(version)
        return version

    return wrapper
