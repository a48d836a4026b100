from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Capability",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False))
            ],
            options={
                "managed": False,
                "default_permissions": (),
                "permissions": [
                    ("view_own_caseload", "Eigen cliënten bekijken (vaste contactpersoon)"),
                    ("view_office_clients", "Cliënten van de eigen vestiging bekijken"),
                    (
                        "view_client_with_reason",
                        "Dossier van een andere cliënt openen met een reden",
                    ),
                    ("reassign_client", "Cliënt overdragen aan een andere adviseur"),
                    ("practice_as_client", "Oefenen als klant"),
                    ("use_api", "De API gebruiken"),
                    ("use_admin", "De beheeromgeving gebruiken"),
                ],
                "verbose_name": "recht",
                "verbose_name_plural": "rechten",
            },
        ),
    ]
