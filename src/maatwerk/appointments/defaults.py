"""The kinds of appointment a new installation starts with (data: the admin edits them).

The names are Dutch source text in the catalogue, so a shipped kind is shown in the reader's
language; a kind the admin adds or renames shows as typed (core.source_text)."""

from django.utils.translation import gettext_noop

DEFAULT_TYPES = [
    # code, name, channel, minutes, order
    ("gesprek-werkplein", gettext_noop("Persoonlijk gesprek op het werkplein"), "office", 45, 1),
    ("telefonisch-gesprek", gettext_noop("Telefonisch gesprek"), "phone", 30, 2),
    ("videogesprek", gettext_noop("Videogesprek"), "video", 30, 3),
]


def install_default_types(AppointmentType, using="default") -> None:
    if AppointmentType.objects.using(using).exists():
        return
    AppointmentType.objects.using(using).bulk_create(
        AppointmentType(code=code, name=name, channel=channel, duration_minutes=minutes, order=n)
        for code, name, channel, minutes, n in DEFAULT_TYPES
    )
