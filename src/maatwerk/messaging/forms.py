from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm, offer_staff, text_box
from maatwerk.organisation.models import StaffMember

from .attachments import ALLOWED, ALLOWED_TEXT
from .conf import app_settings
from .models import Thread
from .queries import ALL, MINE, MY_CLIENTS, OVERDUE, TO_ANSWER, UNASSIGNED, WAITING

ACCEPT = ",".join(ext for file_type in ALLOWED for ext in file_type.extensions)


def _body_field(label, required_message):
    return text_box(label, rows=8, required=required_message)


def _attachment_field():
    return forms.FileField(
        label=_("Bijlage"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={"empty": _("Dit bestand is leeg. Kies een ander bestand.")},
    )


class MessageForm(SubmitOnceForm):
    """Base for every message form. The limits are settings, so they are read per form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _(
            "Niet verplicht. Een bestand van het type %(types)s, maximaal %(size)s."
        ) % {
            "types": ALLOWED_TEXT,
            "size": filesizeformat(app_settings.MESSAGING_ATTACHMENT_MAX_BYTES),
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        limit = app_settings.MESSAGING_MAX_LENGTH
        if len(body) > limit:
            raise forms.ValidationError(
                _("Het bericht is te lang: maximaal %(limit)d tekens, nu %(length)d.")
                % {"limit": limit, "length": len(body)},
                code="max_length",
            )
        return body


class NewThreadForm(MessageForm):
    subject = forms.CharField(
        label=_("Onderwerp"),
        max_length=Thread._meta.get_field("subject").max_length,
        error_messages={
            "required": _("Schrijf een onderwerp."),
            "max_length": _("Het onderwerp is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    body = _body_field(_("Uw bericht"), _("Schrijf uw bericht."))
    attachment = _attachment_field()
    field_order = ["subject", "body", "attachment", "submission_token"]


class ClientMessageForm(MessageForm):
    body = _body_field(_("Uw bericht"), _("Schrijf uw bericht."))
    attachment = _attachment_field()


class StaffReplyForm(MessageForm):
    body = _body_field(_("Je antwoord"), _("Schrijf je antwoord."))
    attachment = _attachment_field()


class HandOverForm(forms.Form):
    to_staff = forms.ModelChoiceField(
        label=_("Collega"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een collega."),
            "invalid_choice": _("Kies een collega uit de lijst."),
        },
    )
    reason = text_box(
        _("Waarom draag je het bericht over?"),
        rows=3,
        help_text=_("De cliënt ziet wie het bericht nu beantwoordt, maar niet deze reden."),
        max_length=1000,
        required=_("Schrijf waarom je het bericht overdraagt."),
        too_long=_("Gebruik maximaal %(limit_value)d tekens."),
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        offer_staff(self.fields["to_staff"], colleagues)


class InboxFilterForm(forms.Form):
    lijst = forms.ChoiceField(
        label=_("Welke berichten"),
        required=False,
        choices=[
            (TO_ANSWER, _("Voor mij om te beantwoorden")),
            (MINE, _("Aan mij toegewezen")),
            (UNASSIGNED, _("Nog niet toegewezen")),
            (MY_CLIENTS, _("Van mijn cliënten")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (ALL, _("Alle")),
            (WAITING, _("Wacht op antwoord")),
            (OVERDUE, _("Te laat beantwoord")),
        ],
    )
