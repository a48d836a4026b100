"""Walk the chain and report every row that was edited, deleted or inserted out of order."""

from dataclasses import dataclass, field

from .chain import GENESIS, HASHED_FIELDS, entry_hash
from .models import AuditEntry, AuditHead


@dataclass
class VerifyResult:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(batch_size: int = 5000) -> VerifyResult:
    result = VerifyResult()
    expected_seq, expected_prev = 1, GENESIS
    rows = AuditEntry.objects.order_by("seq").values(*HASHED_FIELDS, "hash")
    for row in rows.iterator(chunk_size=batch_size):
        result.checked += 1
        if row["seq"] != expected_seq:
            result.problems.append(
                f"rij {expected_seq} tot {row['seq'] - 1} ontbreekt (verwijderd)"
                if row["seq"] > expected_seq
                else f"rij {row['seq']} staat niet op volgorde"
            )
        if row["prev_hash"] != expected_prev:
            result.problems.append(f"rij {row['seq']}: verwijst niet naar de vorige rij")
        recomputed = entry_hash(**{name: row[name] for name in HASHED_FIELDS})
        if recomputed != row["hash"]:
            result.problems.append(f"rij {row['seq']}: inhoud is gewijzigd")
        expected_seq, expected_prev = row["seq"] + 1, row["hash"]
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and head.seq != expected_seq - 1:
        result.problems.append(
            f"de laatste rijen ontbreken: de log eindigt bij {expected_seq - 1}, "
            f"maar telde {head.seq} rijen"
        )
    elif head is not None and head.seq and head.hash != expected_prev:
        result.problems.append("de laatste rij is gewijzigd of vervangen")
    return result
