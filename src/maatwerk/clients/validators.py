from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_valid_bsn(value: str) -> bool:
    """The eleven-test (elfproef) for a Dutch citizen service number."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(digit) * weight for digit, weight in zip(value, weights, strict=True)) % 11 == 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("Dit is geen geldig BSN. Een BSN heeft 9 cijfers en moet de elfproef doorstaan."),
            code="invalid_bsn",
        )
