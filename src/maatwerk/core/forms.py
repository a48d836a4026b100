import uuid
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates

# The NL Design System (Utrecht) classes for each kind of form control. The ``--html-*`` modifier
# is what ties the component's look to the element's own state (``:checked``, ``:focus-visible``,
# ``:invalid``): without it a chosen radio button is drawn exactly like an unchosen one.
UTRECHT_CLASSES = {
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    "select": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "textbox": "utrecht-textbox utrecht-textbox--html-input",
}
TEXTBOX_TYPES = frozenset(
    {"text", "email", "number", "password", "search", "tel", "url", "date", "time"}
    | {"datetime-local", "month", "week"}
)


def control_kind(widget: dict) -> str | None:
    """Which Utrecht component a rendered widget (its template context) is, if any."""
    template = widget["template_name"].rsplit("/", 1)[-1]
    if template == "textarea.html":
        return "textarea"
    if template == "select.html":
        return "select"
    input_type = widget.get("type")
    if input_type in TEXTBOX_TYPES:
        return "textbox"
    return input_type if input_type in ("radio", "checkbox") else None


def with_classes(existing: str, extra: str) -> str:
    names = existing.split() + extra.split()
    return " ".join(dict.fromkeys(names))


def dress_widget(widget: dict) -> None:
    """Give a widget's context, and for a radio or checkbox group each of its inputs, the
    Utrecht classes of its control. The wrapper of a group gets none: it is no control."""
    kind = control_kind(widget)
    if kind is not None:
        attrs = widget["attrs"] = dict(widget["attrs"])
        attrs["class"] = with_classes(attrs.get("class", ""), UTRECHT_CLASSES[kind])
        return
    for _group, options, _index in widget.get("optgroups", ()):
        for option in options:
            dress_widget(option)
    for subwidget in widget.get("subwidgets", ()):
        dress_widget(subwidget)


class UtrechtFormRenderer(DjangoTemplates):
    """The project's FORM_RENDERER: every widget Django renders, in every app, gets its Utrecht
    classes here, so no form or template has to remember them (ADR 0036). A widget rendered
    option by option (``{{ radio.tag }}``) passes through here as well."""

    def render(self, template_name, context, request=None):
        if "widget" in context:
            context = {**context, "widget": dict(context["widget"])}
            dress_widget(context["widget"])
        return super().render(template_name, context, request=request)


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
