import uuid

from django import forms
from django.core.exceptions import ValidationError


def show_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Put an action's ValidationError on the form: per field where it names one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class SubmitOnceForm(forms.Form):
    """A form whose submission creates at most one record, however often it is sent.

    The page renders a fresh token; the action stores it on the record in a column with a
    unique constraint and, when the token was used before, returns the record it made then
    instead of a second one. A double click or a resent POST is then harmless.
    """

    submission_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ``initial`` on the field is evaluated per form, but a bound form keeps the posted one.
        self.fields["submission_token"].initial = uuid.uuid4()
