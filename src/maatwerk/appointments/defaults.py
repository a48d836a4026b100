"""The kinds of appointment a new installation starts with (data: the admin edits them)."""

DEFAULT_TYPES = [
    # code, name, channel, minutes, order
    ("gesprek-werkplein", "Persoonlijk gesprek op het werkplein", "office", 45, 1),
    ("telefonisch-gesprek", "Telefonisch gesprek", "phone", 30, 2),
    ("videogesprek", "Videogesprek", "video", 30, 3),
]


def install_default_types(AppointmentType, using="default") -> None:
    if AppointmentType.objects.using(using).exists():
        return
    AppointmentType.objects.using(using).bulk_create(
        AppointmentType(code=code, name=name, channel=channel, duration_minutes=minutes, order=n)
        for code, name, channel, minutes, n in DEFAULT_TYPES
    )
