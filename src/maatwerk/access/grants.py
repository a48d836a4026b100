"""Give new permissions to the roles of an existing installation, from a data migration.

A new database gets its roles from ``maatwerk.access.roles`` after migrating. An installation that
already has roles (they are data, edited by its administrators) gets an app's new permissions
from that app's migration instead::

    migrations.RunPython(grant_on_existing_roles("letters", "lettertemplate", GRANTS), noop)

where ``GRANTS = {"codename": ("Permission name", ["Role name", ...])}``. Roles that were
renamed or removed are left alone.
"""


def grant_on_existing_roles(app_label: str, model: str, grants: dict[str, tuple[str, list[str]]]):
    def forwards(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not Group.objects.exists():
            return
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for codename, (name, roles) in grants.items():
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )
            for role in Group.objects.filter(name__in=roles):
                role.permissions.add(permission)

    return forwards
