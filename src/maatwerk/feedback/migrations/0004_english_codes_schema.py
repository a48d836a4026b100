"""Feedback stores English codes, like every other app (Dutch stays in the labels): step 1 of 3,
the old value checks go and the choices change. 0005 converts the rows, 0006 checks again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0002_initial"),
        ("feedback", "0003_sessions_everywhere"),
        ("organisation", "0002_organisation_return_address"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="dialoguesession",
            name="dialogue_kind_valid",
        ),
        migrations.RemoveConstraint(
            model_name="feedbackitem",
            name="feedback_kind_valid",
        ),
        migrations.RemoveConstraint(
            model_name="feedbackitem",
            name="feedback_status_valid",
        ),
        migrations.RemoveConstraint(
            model_name="feedbackitem",
            name="feedback_answer_signed",
        ),
        migrations.RemoveConstraint(
            model_name="improvementpoint",
            name="point_status_valid",
        ),
        migrations.RemoveConstraint(
            model_name="improvementpoint",
            name="point_dropped_has_reason",
        ),
        migrations.AlterField(
            model_name="dialoguesession",
            name="kind",
            field=models.CharField(
                choices=[("mirror", "spiegelgesprek"), ("dialogue", "dialoogsessie")],
                max_length=20,
                verbose_name="soort",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackhistory",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "ontvangen"),
                    ("in_progress", "in behandeling"),
                    ("answered", "beantwoord"),
                ],
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="feedbackitem",
            name="kind",
            field=models.CharField(
                choices=[
                    ("feedback", "feedback"),
                    ("complaint", "klacht"),
                    ("suggestion", "suggestie"),
                ],
                max_length=20,
                verbose_name="soort",
            ),
        ),
        migrations.AlterField(
            model_name="feedbackitem",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "ontvangen"),
                    ("in_progress", "in behandeling"),
                    ("answered", "beantwoord"),
                ],
                default="received",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="improvementpoint",
            name="status",
            field=models.CharField(
                choices=[
                    ("open", "open"),
                    ("in_progress", "in uitvoering"),
                    ("done", "gerealiseerd"),
                    ("dropped", "niet uitgevoerd"),
                ],
                default="open",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="improvementpointhistory",
            name="status",
            field=models.CharField(
                choices=[
                    ("open", "open"),
                    ("in_progress", "in uitvoering"),
                    ("done", "gerealiseerd"),
                    ("dropped", "niet uitgevoerd"),
                ],
                max_length=20,
            ),
        ),
    ]
