from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates
from maatwerk.insight.codebook import install_defaults

GRANTS = {
    "correct_label": (
        "Thema's en sentiment van klantteksten corrigeren",
        ["Vestigingsmanager", "Klantonderzoeker"],
    ),
}


def default_codebook(apps, schema_editor):
    install_defaults(apps.get_model("insight", "Code"))


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("insight", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        ForbidUpdates("insight_labelcorrection"),
        migrations.RunPython(default_codebook, noop),
        migrations.RunPython(grant_on_existing_roles("insight", "code", GRANTS), noop),
    ]
