"""Feedback stores English codes: step 3 of 3, the value checks again, on the new codes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("feedback", "0005_english_codes_data")]

    operations = [
        migrations.AddConstraint(
            model_name="dialoguesession",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["mirror", "dialogue"])), name="dialogue_kind_valid"
            ),
        ),
        migrations.AddConstraint(
            model_name="feedbackitem",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["feedback", "complaint", "suggestion"])),
                name="feedback_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="feedbackitem",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["received", "in_progress", "answered"])),
                name="feedback_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="feedbackitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("status", "answered"),
                        models.Q(("answer", ""), _negated=True),
                        ("answered_at__isnull", False),
                        ("answered_by__isnull", False),
                        models.Q(("answered_by_name", ""), _negated=True),
                        models.Q(("answered_by_job_title", ""), _negated=True),
                    ),
                    models.Q(
                        models.Q(("status", "answered"), _negated=True),
                        ("answer", ""),
                        ("answered_at__isnull", True),
                        ("answered_by__isnull", True),
                        ("answered_by_job_title", ""),
                        ("answered_by_name", ""),
                    ),
                    _connector="OR",
                ),
                name="feedback_answer_signed",
            ),
        ),
        migrations.AddConstraint(
            model_name="improvementpoint",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["open", "in_progress", "done", "dropped"])),
                name="point_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="improvementpoint",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "dropped"), _negated=True),
                    models.Q(("reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="point_dropped_has_reason",
            ),
        ),
    ]
