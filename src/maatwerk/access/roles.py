"""The roles a new installation starts with. After that they are data: the admin edits them."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction

DEFAULT_ROLES: dict[str, list[str]] = {
    "Adviseur werk": [
        "access.view_own_caseload",
        "access.view_client_with_reason",
        "access.register_client",
        "access.practice_as_client",
        "access.use_api",
        "access.triage_werkverkenner",
    ],
    "E-werkcoach": [
        "access.view_own_caseload",
        "access.view_client_with_reason",
        "access.practice_as_client",
        "access.use_api",
        "access.triage_werkverkenner",
    ],
    "Vestigingsmanager": [
        "access.view_office_clients",
        "access.view_client_with_reason",
        "access.reassign_client",
        "access.register_client",
        "access.practice_as_client",
        "access.use_api",
        "access.triage_werkverkenner",
    ],
    "Beheerder": [
        "access.use_admin",
        "access.practice_as_client",
        "organisation.add_office",
        "organisation.change_office",
        "organisation.view_office",
        "organisation.add_region",
        "organisation.change_region",
        "organisation.view_region",
        "organisation.add_staffmember",
        "organisation.change_staffmember",
        "organisation.view_staffmember",
        "organisation.change_organisation",
        "organisation.view_organisation",
        "organisation.add_role",
        "organisation.change_role",
        "organisation.view_role",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.add_group",
        "auth.change_group",
        "auth.view_group",
        "audit.view_auditentry",
        "api.view_apitoken",
        "api.revoke_apitoken",
        "access.manage_models",
        "werkverkenner.view_modelversion",
        "werkverkenner.change_modelversion",
        "werkverkenner.view_questionnaire",
        "werkverkenner.view_batchrun",
    ],
    "Briefredacteur": ["access.practice_as_client"],
    "Juridisch controleur": ["access.practice_as_client"],
    "Klantonderzoeker": ["access.practice_as_client"],
    "Lid cliëntenraad": [],
}


def default_roles() -> dict[str, list[str]]:
    """DEFAULT_ROLES plus the grants each Maatwerk app declares in its own ``roles.py``
    (``DEFAULT_GRANTS = {"Role name": ["app.codename", ...]}``), so an app brings its own
    permissions without editing this file."""
    roles = {name: list(perms) for name, perms in DEFAULT_ROLES.items()}
    from maatwerk.core.app_modules import app_modules

    for _app, module in app_modules("roles", exclude=__package__):
        for role, perms in getattr(module, "DEFAULT_GRANTS", {}).items():
            roles.setdefault(role, []).extend(perms)
    return roles


def ensure_default_roles(using: str = "default", **kwargs) -> None:
    """Create the default roles once, on a database that has none yet."""
    Group = global_apps.get_model("auth", "Group")
    Permission = global_apps.get_model("auth", "Permission")
    if Group.objects.using(using).exists():
        return
    # post_migrate reaches this app before later apps have their permissions: make them all now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    with transaction.atomic(using=using):
        for name, perms in default_roles().items():
            role = Group.objects.using(using).create(name=name)
            for perm in perms:
                app_label, codename = perm.split(".")
                found = (
                    Permission.objects.using(using)
                    .filter(content_type__app_label=app_label, codename=codename)
                    .first()
                )
                if found is not None:
                    role.permissions.add(found)
