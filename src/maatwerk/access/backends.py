from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class RoleBackend(ModelBackend):
    """Permissions come from the roles on the staff member; a staff member out of service has none.

    Clients have no roles and so no permissions: what they may see is decided by ownership.
    """

    def _get_group_permissions(self, user_obj):
        return Permission.objects.filter(
            group__staff_members__user=user_obj, group__staff_members__is_active=True
        )

    def _get_user_permissions(self, user_obj):
        return Permission.objects.none()
