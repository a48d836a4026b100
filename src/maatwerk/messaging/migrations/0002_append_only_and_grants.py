from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates

GRANTS = {
    "answer_messages": (
        "Berichten van cliënten beantwoorden",
        ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"],
    )
}


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("messaging", "0001_initial")]

    operations = [
        ForbidUpdates("messaging_message"),
        ForbidUpdates("messaging_threadassignment"),
        migrations.RunPython(grant_on_existing_roles("messaging", "thread", GRANTS), noop),
    ]
