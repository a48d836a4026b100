from django.db import migrations

from maatwerk.access.grants import grant_on_existing_roles
from maatwerk.core.append_only import ForbidUpdates

PLAN_WORK = ["Adviseur werk", "E-werkcoach", "Vestigingsmanager"]
GRANTS = {
    "decide_plan": ("Dienstverleningsplan voorstellen en vastleggen", PLAN_WORK),
    "view_call_list": ("Beldag bekijken", PLAN_WORK),
    "add_servicetype": ("Can add dienst", ["Beheerder"]),
    "change_servicetype": ("Can change dienst", ["Beheerder"]),
    "view_servicetype": ("Can view dienst", ["Beheerder"]),
}
RULE_GRANTS = {
    "add_cyclerule": ("Can add gesprekkencyclus", ["Beheerder"]),
    "change_cyclerule": ("Can change gesprekkencyclus", ["Beheerder"]),
    "view_cyclerule": ("Can view gesprekkencyclus", ["Beheerder"]),
}


class Migration(migrations.Migration):
    dependencies = [("serviceplan", "0001_initial")]

    operations = [
        ForbidUpdates("serviceplan_planversion"),
        ForbidUpdates("serviceplan_planitem"),
        migrations.RunPython(
            grant_on_existing_roles("serviceplan", "servicetype", GRANTS),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            grant_on_existing_roles("serviceplan", "cyclerule", RULE_GRANTS),
            migrations.RunPython.noop,
        ),
    ]
