from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm, staff_label, text_box

from . import sandbox
from .models import SentLetter

TEXTAREA = {"class": "utrecht-textarea", "rows": 18}
TEXT = {"class": "utrecht-textbox"}


class TemplateForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de brief"), max_length=200, widget=forms.TextInput(TEXT)
    )
    purpose = forms.CharField(
        label=_("Waarvoor is deze brief?"),
        max_length=500,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    usable_as_reply = forms.BooleanField(
        label=_("Adviseurs kunnen deze tekst ook gebruiken als antwoord op een bericht"),
        required=False,
        widget=forms.CheckboxInput({"class": "utrecht-checkbox"}),
    )
    subject = forms.CharField(
        label=_("Onderwerp"),
        # The sandbox reports a too long text in Dutch; the browser must not cut it off silently.
        widget=forms.TextInput(TEXT),
        error_messages={"required": _("Schrijf een onderwerp.")},
    )
    body = forms.CharField(
        label=_("Tekst van de brief"),
        help_text=_(
            "Een lege regel begint een nieuwe alinea. Een regel die begint met '- ' wordt een "
            "opsomming. De groet met jouw naam en functie komt er vanzelf onder."
        ),
        widget=forms.Textarea(TEXTAREA),
        strip=False,
        error_messages={"required": _("Schrijf de tekst van de brief.")},
    )
    change_note = forms.CharField(
        label=_("Wat heb je veranderd?"),
        max_length=500,
        required=False,
        widget=forms.TextInput(TEXT),
    )

    def __init__(self, *args, first=False, **kwargs):
        super().__init__(*args, **kwargs)
        if first:
            del self.fields["change_note"]
        self.fields["title"].error_messages["required"] = _("Geef de brief een naam.")

    def clean(self):
        data = super().clean()
        if "subject" in data and "body" in data:
            try:
                sandbox.validate(data["subject"], data["body"])
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field, messages)
        return data


class PreviewForm(forms.Form):
    """Only the text, for the live preview (nothing is saved)."""

    subject = forms.CharField(required=False)
    body = forms.CharField(required=False, strip=False)


class LegalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Jouw besluit"),
        choices=[("approve", _("Goedkeuren")), ("reject", _("Terugsturen naar de redacteur"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies goedkeuren of terugsturen.")},
    )
    comment = text_box(
        _("Toelichting"), rows=4, attrs={"class": "utrecht-textarea"}, max_length=4000
    )


class InviteForm(forms.Form):
    readers = forms.TypedMultipleChoiceField(
        label=_("Meelezers uit de cliëntenraad"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies een of meer meelezers uit de lijst.")},
    )

    def __init__(self, *args, readers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["readers"].choices = [(r.pk, staff_label(r)) for r in readers]


class CommentForm(forms.Form):
    text = text_box(
        _("Jouw reactie op deze brief"),
        rows=4,
        attrs={"class": "utrecht-textarea"},
        max_length=4000,
        required=_("Schrijf je reactie."),
    )


class SendBackForm(forms.Form):
    comment = text_box(
        _("Waarom gaat de brief terug naar concept?"),
        rows=3,
        attrs={"class": "utrecht-textarea"},
        max_length=4000,
        required=_("Schrijf waarom de brief terug naar concept gaat."),
    )


class PublishForm(forms.Form):
    """The reasons to publish anyway. Each is asked for, and then required, only when the
    version needs it (no B1, no reader's comment); publishing itself checks the same."""

    justification = text_box(
        _("Waarom publiceer je deze tekst zonder B1?"),
        rows=3,
        attrs={"class": "utrecht-textarea"},
        max_length=4000,
        required=_("Schrijf waarom je deze tekst publiceert, hoewel hij taalniveau B1 niet haalt."),
    )
    skip_reason = text_box(
        _("Waarom publiceer je zonder reactie van een meelezer?"),
        rows=3,
        attrs={"class": "utrecht-textarea"},
        max_length=4000,
        required=_("Schrijf waarom je publiceert zonder reactie van een meelezer."),
    )

    def __init__(self, *args, needs_justification=True, needs_skip_reason=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name, needed in (
            ("justification", needs_justification),
            ("skip_reason", needs_skip_reason),
        ):
            if not needed:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        data.setdefault("justification", "")
        data.setdefault("skip_reason", "")
        return data


class SendForm(SubmitOnceForm):
    channel = forms.ChoiceField(
        label=_("Hoe stuur je de brief?"),
        choices=[
            (SentLetter.Channel.EMAIL, _("Per e-mail")),
            (SentLetter.Channel.POST, _("Per post (PDF om af te drukken)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies e-mail of post.")},
    )

    def __init__(self, *args, digital=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not digital:
            # Human scale: someone without a computer gets paper letters, so e-mail is no option.
            field = self.fields["channel"]
            field.choices = [c for c in field.choices if c[0] == SentLetter.Channel.POST]
            field.initial = SentLetter.Channel.POST
            field.help_text = _(
                "Deze cliënt gebruikt geen digitale kanalen: alleen post is mogelijk."
            )


class CompareForm(forms.Form):
    van = forms.IntegerField(
        label=_("Versie"), min_value=1, widget=forms.NumberInput({"class": "utrecht-textbox"})
    )
    naar = forms.IntegerField(
        label=_("met versie"), min_value=1, widget=forms.NumberInput({"class": "utrecht-textbox"})
    )
