"""Writing to the audit log. Call ``log`` inside the transaction of the change it records."""

from django.db import models, transaction
from django.utils import timezone

from .chain import HASHED_FIELDS, entry_hash
from .models import AuditEntry, AuditHead
from .values import actor_label_for


def log(
    action: str,
    *,
    user=None,
    client=None,
    about: models.Model | None = None,
    reason: str = "",
    data: dict | None = None,
) -> AuditEntry:
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        values = {
            "seq": head.seq + 1,
            "at": timezone.now(),
            "actor_user_id": user.pk if user is not None and user.is_authenticated else None,
            "actor_label": actor_label_for(user),
            "action": action,
            "client_id": client.pk if client is not None else None,
            "object_type": about._meta.label_lower if about is not None else "",
            "object_id": str(about.pk) if about is not None else "",
            "reason": reason,
            "data": data or {},
            "prev_hash": head.hash,
        }
        assert set(values) == set(HASHED_FIELDS)
        entry = AuditEntry(**values, hash=entry_hash(**values))
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry
