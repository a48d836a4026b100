from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates

MANAGER, RESEARCHER = "Vestigingsmanager", "Klantonderzoeker"
FEEDBACK_GRANTS = {
    "answer_feedback": (
        "Reacties van cliënten behandelen en beantwoorden",
        ["Adviseur werk", "E-werkcoach", MANAGER],
    ),
    "manage_office_feedback": (
        "Reacties per vestiging overzien, eigenaar en termijn wijzigen",
        [MANAGER],
    ),
}
COMPLIMENT_GRANTS = {
    "view_office_compliments": (
        "Complimenten voor medewerkers van de vestiging bekijken",
        [MANAGER],
    ),
}
SESSION_GRANTS = {
    "record_sessions": (
        "Spiegelgesprekken en dialoogsessies vastleggen",
        [MANAGER, RESEARCHER],
    ),
}


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        ForbidUpdates("feedback_feedbackhistory"),
        ForbidUpdates("feedback_improvementpointhistory"),
        migrations.RunPython(
            grant_on_existing_roles("feedback", "feedbackitem", FEEDBACK_GRANTS), noop
        ),
        migrations.RunPython(
            grant_on_existing_roles("feedback", "compliment", COMPLIMENT_GRANTS), noop
        ),
        migrations.RunPython(
            grant_on_existing_roles("feedback", "dialoguesession", SESSION_GRANTS), noop
        ),
    ]
