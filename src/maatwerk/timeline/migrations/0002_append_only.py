from django.db import migrations

from maatwerk.core.append_only import ForbidUpdates


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]
    operations = [ForbidUpdates("timeline_timelineevent")]
