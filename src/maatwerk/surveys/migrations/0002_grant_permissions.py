from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles

# Existing installations already have their roles (data): give them the survey permissions that
# a new database gets from maatwerk.surveys.roles.
GRANTS = {
    "build_survey": ("Vragenlijsten maken, publiceren en sluiten", ["Klantonderzoeker"]),
    "view_survey_results": (
        "Uitkomsten van vragenlijsten bekijken",
        ["Klantonderzoeker", "Vestigingsmanager", "Lid cliëntenraad"],
    ),
    "export_survey_results": ("Uitkomsten van vragenlijsten exporteren", ["Klantonderzoeker"]),
    "conduct_interview": (
        "Interviews afnemen op een vestiging",
        ["Klantonderzoeker", "Vestigingsmanager", "Lid cliëntenraad"],
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            grant_on_existing_roles("surveys", "survey", GRANTS), migrations.RunPython.noop
        )
    ]
