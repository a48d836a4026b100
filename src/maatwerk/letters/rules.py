"""Who may do what with one letter version (object level; permissions say what at all)."""


def may_comment(staff, version) -> bool:
    """Only readers invited to this version read along and comment on it."""
    return staff is not None and version.invitations.filter(reader=staff).exists()
