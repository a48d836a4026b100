"""The hash chain of the audit log."""

import hashlib
import json
from datetime import UTC, datetime

GENESIS = "0" * 64


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor_user_id: int | None,
    actor_label: str,
    action: str,
    client_id: int | None,
    object_type: str,
    object_id: str,
    reason: str,
    data: dict,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [
            seq,
            at.astimezone(UTC).isoformat(timespec="microseconds"),
            actor_user_id,
            actor_label,
            action,
            client_id,
            object_type,
            object_id,
            reason,
            data,
            prev_hash,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


HASHED_FIELDS = (
    "seq",
    "at",
    "actor_user_id",
    "actor_label",
    "action",
    "client_id",
    "object_type",
    "object_id",
    "reason",
    "data",
    "prev_hash",
)
