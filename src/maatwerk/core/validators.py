"""Validators for text that ends up where a line break breaks things (e-mail headers)."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Control characters and every character Python treats as a line break (str.splitlines).
_BREAKING = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"

single_line = RegexValidator(
    _BREAKING,
    inverse_match=True,
    message=_("Gebruik één regel tekst, zonder regeleinden of tabs."),
    code="single_line",
)
