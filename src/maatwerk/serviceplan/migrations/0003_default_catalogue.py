from django.db import migrations

from maatwerk.serviceplan.defaults import install


def forwards(apps, schema_editor):
    install(
        apps.get_model("serviceplan", "ServiceType"),
        apps.get_model("serviceplan", "CycleRule"),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [("serviceplan", "0002_append_only_and_grants")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
