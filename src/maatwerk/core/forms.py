import uuid
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError


def show_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Put an action's ValidationError on the form: per field where it names one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def succeeded(form: forms.Form, action: Callable[[], object]) -> bool:
    """Run an action for a valid form; on a ValidationError show it on the form and say False."""
    try:
        action()
    except ValidationError as error:
        show_validation_error(form, error)
        return False
    return True


class SubmitOnceForm(forms.Form):
    """A form whose submission creates at most one record, however often it is sent.

    The page renders a fresh token; the action stores it on the record in a column with a
    unique constraint and, when the token was used before, returns the record it made then
    instead of a second one. A double click or a resent POST is then harmless.
    """

    # A callable initial is called once per form, so each rendered page gets its own token; a
    # form shown again with errors keeps the posted one, so fixing and resending still counts once.
    submission_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


# Field builders for the shapes every app's forms repeat. They bring no text of their own: the
# label and the Dutch messages come from the calling app (and its translation catalogue).


def radio_choice(label, choices, error, *, field_class=forms.ChoiceField, **kwargs) -> forms.Field:
    """A required choice shown as radio buttons; no answer and an unknown answer get the same
    message (the form can only be sent with a listed choice, so either means: choose one)."""
    return field_class(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": error, "invalid_choice": error},
        **kwargs,
    )


def text_box(label, *, rows: int, required=None, too_long=None, attrs=None, **kwargs):
    """A multi-line text field. ``required`` is the message for an empty box (leave it out for an
    optional one), ``too_long`` the message past ``max_length``."""
    error_messages = {}
    if required is not None:
        error_messages["required"] = required
    if too_long is not None:
        error_messages["max_length"] = too_long
    return forms.CharField(
        label=label,
        required=required is not None,
        widget=forms.Textarea(attrs={"rows": rows, **(attrs or {})}),
        error_messages=error_messages,
        **kwargs,
    )


def staff_label(staff) -> str:
    """How a staff member is named in a choice: never anonymous, with their job title."""
    return f"{staff.full_name} ({staff.job_title})"


def offer_staff(field: forms.ModelChoiceField, staff) -> None:
    """Let ``field`` choose from the ``staff`` queryset, each named with their job title."""
    field.queryset = staff
    field.label_from_instance = staff_label
