from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.appointments.defaults import install_default_types
from maatwerk.appointments.roles import ADMIN_GRANTS, GRANTS


def types(apps, schema_editor):
    install_default_types(
        apps.get_model("appointments", "AppointmentType"), schema_editor.connection.alias
    )


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(types, migrations.RunPython.noop),
        migrations.RunPython(
            grant_on_existing_roles("appointments", "appointment", GRANTS),
            migrations.RunPython.noop,
        ),
        *(
            migrations.RunPython(
                grant_on_existing_roles("appointments", model, grants), migrations.RunPython.noop
            )
            for model, grants in ADMIN_GRANTS.items()
        ),
    ]
