"""A score is never changed: the database refuses an UPDATE too, like the other append-only
tables (docs/adr/0029-every-rule-change-on-the-record.md)."""

from django.db import migrations

from maatwerk.core.append_only import ForbidUpdates


class Migration(migrations.Migration):
    dependencies = [("werkverkenner", "0002_default_questionnaire")]

    operations = [ForbidUpdates("werkverkenner_score")]
