"""Results show tallies as of their last release (docs/adr/0028-disclosure-control.md). The
tallies that exist are released once here: a (survey, office, region, question) with at least
VOICE_MIN_GROUP_SIZE respondents shows its count from now on; a smaller one waits for more."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import F, Sum


def release_existing(apps, schema_editor):
    Tally = apps.get_model("surveys", "Tally")
    minimum = getattr(settings, "VOICE_MIN_GROUP_SIZE", 10)
    groups = (
        Tally.objects.filter(is_primary=True)
        .values_list("survey_id", "office_key", "region_key", "question_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for survey_id, office_key, region_key, question_id, n in groups:
        if n >= minimum:
            Tally.objects.filter(
                survey_id=survey_id,
                office_key=office_key,
                region_key=region_key,
                question_id=question_id,
            ).update(released_count=F("count"))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_fewer_answer_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="tally",
            name="released_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(release_existing, migrations.RunPython.noop),
    ]
