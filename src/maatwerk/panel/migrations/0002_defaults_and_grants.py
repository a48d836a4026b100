from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates

GRANTS = {"manage_panel": ("Panelonderzoeken plannen en versturen", ["Klantonderzoeker"])}


def install_defaults(apps, schema_editor):
    from maatwerk.panel.strata import install_default_bands
    from maatwerk.panel.topics import install_default_topics

    install_default_bands(apps.get_model("panel", "Band"))
    install_default_topics(apps.get_model("panel", "Topic"))


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        ForbidUpdates("panel_membershipchange"),
        migrations.RunPython(install_defaults, migrations.RunPython.noop),
        migrations.RunPython(
            grant_on_existing_roles("panel", "panelsurvey", GRANTS), migrations.RunPython.noop
        ),
    ]
