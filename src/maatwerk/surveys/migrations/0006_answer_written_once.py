"""An answer row is written once, at completion: the database refuses an UPDATE. Deleting stays
possible, so a response removed under a retention rule takes its answers with it
(docs/adr/0029-every-rule-change-on-the-record.md)."""

from django.db import migrations

from maatwerk.core.append_only import ForbidUpdates


class Migration(migrations.Migration):
    dependencies = [("surveys", "0005_tally_released_count")]

    operations = [ForbidUpdates("surveys_answer")]
