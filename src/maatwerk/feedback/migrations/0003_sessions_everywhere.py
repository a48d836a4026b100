from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles

# Sessions belong to an office; researchers work across the organisation.
GRANTS = {
    "sessions_everywhere": (
        "Spiegelgesprekken en dialoogsessies van alle vestigingen inzien en vastleggen",
        ["Klantonderzoeker"],
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_append_only_and_grants"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="dialoguesession",
            options={
                "ordering": ["-held_on", "-pk"],
                "permissions": [
                    ("record_sessions", "Spiegelgesprekken en dialoogsessies vastleggen"),
                    ("sessions_everywhere", GRANTS["sessions_everywhere"][0]),
                ],
                "verbose_name": "spiegelgesprek of dialoogsessie",
                "verbose_name_plural": "spiegelgesprekken en dialoogsessies",
            },
        ),
        migrations.RunPython(
            grant_on_existing_roles("feedback", "dialoguesession", GRANTS),
            migrations.RunPython.noop,
        ),
    ]
