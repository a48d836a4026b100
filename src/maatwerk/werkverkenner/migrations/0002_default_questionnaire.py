from django.db import migrations


def install_questionnaire(apps, schema_editor):
    from maatwerk.werkverkenner.questionnaire import install, read

    install(
        read(1),
        apps.get_model("werkverkenner", "Questionnaire"),
        apps.get_model("werkverkenner", "Question"),
        apps.get_model("werkverkenner", "AnswerOption"),
    )


def remove_questionnaire(apps, schema_editor):
    apps.get_model("werkverkenner", "Questionnaire").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("werkverkenner", "0001_initial")]

    operations = [migrations.RunPython(install_questionnaire, remove_questionnaire)]
