from django import forms
from django.core.exceptions import ValidationError


def show_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Put an action's ValidationError on the form: per field where it names one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
