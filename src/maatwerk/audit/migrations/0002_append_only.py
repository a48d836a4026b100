from django.db import migrations

from maatwerk.core.append_only import ForbidUpdates


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [ForbidUpdates("audit_auditentry")]
