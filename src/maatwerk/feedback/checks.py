"""A wrong answer term in the settings is found at start-up, not when a client writes in."""

from django.core.checks import Error, register

from .deadlines import UNITS, terms
from .models import FeedbackItem


@register()
def check_answer_terms(app_configs=None, **kwargs):
    errors = []
    configured = terms()
    for kind in FeedbackItem.Kind.values:
        term = configured.get(kind)
        valid = (
            isinstance(term, (tuple, list))
            and len(term) == 2
            and term[0] in UNITS
            and isinstance(term[1], int)
            and term[1] > 0
        )
        if not valid:
            errors.append(
                Error(
                    f"FEEDBACK_ANSWER_TERMS[{kind!r}] must be (unit, positive int) with unit one "
                    f"of {sorted(UNITS)}; it is {term!r}.",
                    id="feedback.E001",
                )
            )
    return errors
