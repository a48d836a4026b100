"""How an actor is named in the audit log (and in other records that name who did something)."""


def actor_label_for(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "systeem"
    staff = getattr(user, "staff_member", None)
    if staff is not None:
        return f"{staff.full_name}, {staff.job_title} (gebruiker {user.pk})"
    client = getattr(user, "client", None)
    if client is not None:
        return f"cliënt {client.pk} (gebruiker {user.pk})"
    return f"gebruiker {user.pk}"
