from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates

GRANTS = {
    "view_letter_book": (
        "Brievenboek bekijken",
        ["Briefredacteur", "Juridisch controleur", "Lid cliëntenraad"],
    ),
    "edit_letters": ("Brieven schrijven, indienen en publiceren", ["Briefredacteur"]),
    "review_legal": ("Brieven juridisch controleren", ["Juridisch controleur"]),
    "comment_as_reader": ("Als meelezer reageren op een brief", ["Lid cliëntenraad"]),
    "send_letters": (
        "Brieven sturen aan cliënten",
        ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"],
    ),
}
ADMIN_VIEWS = {
    "view_lettertemplate": ("Can view briefsjabloon", ["Beheerder"]),
}


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        ForbidUpdates("letters_templateversion"),
        ForbidUpdates("letters_reviewstep"),
        ForbidUpdates("letters_readerinvitation"),
        ForbidUpdates("letters_readercomment"),
        ForbidUpdates("letters_sentletter"),
        migrations.RunPython(grant_on_existing_roles("letters", "lettertemplate", GRANTS), noop),
        migrations.RunPython(
            grant_on_existing_roles("letters", "lettertemplate", ADMIN_VIEWS), noop
        ),
        migrations.RunPython(
            grant_on_existing_roles(
                "letters",
                "templateversion",
                {"view_templateversion": ("Can view versie van een brief", ["Beheerder"])},
            ),
            noop,
        ),
        migrations.RunPython(
            grant_on_existing_roles(
                "letters",
                "reviewstep",
                {"view_reviewstep": ("Can view stap in de goedkeuring", ["Beheerder"])},
            ),
            noop,
        ),
    ]
