from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm, offer_staff, radio_choice, text_box
from maatwerk.organisation.models import Office, StaffMember

from .actions import COUNT_MAX
from .models import (
    COMPLIMENT_MAX,
    POINT_MAX,
    TEXT_MAX,
    DialogueSession,
    FeedbackItem,
    ImprovementPoint,
)

TOO_LONG = _("Gebruik maximaal %(limit_value)s tekens.")


def _date_field(label, required):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": required, "invalid": _("Vul een geldige datum in.")},
    )


class ComplimentForm(SubmitOnceForm):
    staff = forms.ModelChoiceField(
        label=_("Voor wie is uw compliment?"),
        queryset=StaffMember.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de medewerker die u een compliment wilt geven."),
            "invalid_choice": _(
                "U kunt alleen een compliment geven aan iemand met wie u contact heeft gehad."
            ),
        },
    )
    text = text_box(
        _("Uw compliment"),
        rows=5,
        max_length=COMPLIMENT_MAX,
        required=_("Schrijf uw compliment."),
        too_long=_("Uw compliment is te lang. Gebruik maximaal %(limit_value)s tekens."),
    )
    anonymous = forms.BooleanField(
        label=_("Ik wil dat de medewerker mijn naam niet ziet"),
        required=False,
    )

    def __init__(self, *args, staff_choices, **kwargs):
        super().__init__(*args, **kwargs)
        offer_staff(self.fields["staff"], staff_choices)


class StaffSearchForm(forms.Form):
    naam = forms.CharField(
        label=_("Zoek een medewerker van uw werkplein op naam"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("Gebruik maximaal %(limit_value)s tekens.")},
    )


class FeedbackForm(SubmitOnceForm):
    kind = radio_choice(
        _("Wat voor reactie is het?"),
        [
            (FeedbackItem.Kind.FEEDBACK, _("Feedback: wat goed ging of beter kan")),
            (FeedbackItem.Kind.COMPLAINT, _("Klacht: u bent ergens niet tevreden over")),
            (FeedbackItem.Kind.SUGGESTION, _("Suggestie: een idee om iets te verbeteren")),
        ],
        _("Kies wat voor reactie het is."),
    )
    text = text_box(
        _("Uw reactie"),
        rows=6,
        max_length=TEXT_MAX,
        required=_("Schrijf uw reactie."),
        too_long=_("Uw reactie is te lang. Gebruik maximaal %(limit_value)s tekens."),
    )
    wants_answer = radio_choice(
        _("Wilt u een antwoord?"),
        [("ja", _("Ja, ik wil graag een antwoord")), ("nee", _("Nee, dat hoeft niet"))],
        _("Kies of u een antwoord wilt."),
        field_class=forms.TypedChoiceField,
        coerce=lambda value: value == "ja",
    )


class StaffFeedbackForm(SubmitOnceForm):
    """A staff member records an input on the client's behalf."""

    received_via = radio_choice(
        _("Hoe kwam de reactie binnen?"),
        [
            (FeedbackItem.Channel.PHONE, _("Telefoon")),
            (FeedbackItem.Channel.LETTER, _("Brief")),
            (FeedbackItem.Channel.EMAIL, _("E-mail")),
            (FeedbackItem.Channel.DESK, _("Balie")),
        ],
        _("Kies hoe de reactie binnenkwam: telefoon, brief, e-mail of balie."),
    )
    received_on = forms.DateField(
        label=_("Ontvangen op"),
        required=False,
        help_text=_("Leeg: vandaag. De termijn voor het antwoord telt vanaf deze dag."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    kind = radio_choice(
        _("Wat voor reactie is het?"),
        [
            (FeedbackItem.Kind.FEEDBACK, _("Feedback")),
            (FeedbackItem.Kind.COMPLAINT, _("Klacht")),
            (FeedbackItem.Kind.SUGGESTION, _("Suggestie")),
        ],
        _("Kies wat voor reactie het is."),
    )
    text = text_box(
        _("Wat de cliënt zei of schreef"),
        rows=6,
        max_length=TEXT_MAX,
        required=_("Schrijf op wat de cliënt zei of schreef."),
        too_long=_("De reactie is te lang. Gebruik maximaal %(limit_value)s tekens."),
    )
    wants_answer = radio_choice(
        _("Wil de cliënt een antwoord?"),
        [("ja", _("Ja")), ("nee", _("Nee"))],
        _("Kies of de cliënt een antwoord wil."),
        field_class=forms.TypedChoiceField,
        coerce=lambda value: value == "ja",
    )


class ClientSearchForm(forms.Form):
    naam = forms.CharField(
        label=_("Zoek de cliënt op naam"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("Gebruik maximaal %(limit_value)s tekens.")},
    )


class AnswerForm(forms.Form):
    answer = text_box(
        _("Je antwoord"),
        rows=6,
        help_text=_("De cliënt ziet je antwoord met je naam en functie."),
        max_length=TEXT_MAX,
        required=_("Schrijf je antwoord."),
        too_long=_("Je antwoord is te lang. Gebruik maximaal %(limit_value)s tekens."),
    )


REASON = text_box(
    _("Reden"), rows=2, max_length=1000, required=_("Geef een reden."), too_long=TOO_LONG
)


class ReassignForm(forms.Form):
    new_owner = forms.ModelChoiceField(
        label=_("Nieuwe eigenaar"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een medewerker."),
            "invalid_choice": _("Kies een medewerker uit de lijst."),
        },
    )
    reason = REASON

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        offer_staff(self.fields["new_owner"], owners)


class DeadlineForm(forms.Form):
    deadline = _date_field(_("Nieuwe datum voor het antwoord"), _("Vul een datum in."))
    reason = REASON


COUNT_RANGE = format_lazy(_("Vul een aantal in van 0 tot {max}."), max=COUNT_MAX)


def _count_field(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=COUNT_MAX,
        initial=0,
        error_messages={
            "required": _("Vul een aantal in (0 als niemand)."),
            "invalid": _("Vul een heel getal in."),
            "min_value": COUNT_RANGE,
            "max_value": COUNT_RANGE,
        },
    )


class SessionForm(SubmitOnceForm):
    kind = radio_choice(
        _("Soort sessie"),
        [
            (DialogueSession.Kind.MIRROR, _("Spiegelgesprek")),
            (DialogueSession.Kind.DIALOGUE, _("Dialoogsessie")),
        ],
        _("Kies de soort sessie."),
    )
    held_on = _date_field(_("Datum"), _("Vul de datum in."))
    office = forms.ModelChoiceField(
        label=_("Vestiging"),
        queryset=Office.objects.filter(is_active=True),
        error_messages={
            "required": _("Kies een vestiging."),
            "invalid_choice": _("Kies een vestiging uit de lijst."),
        },
    )
    topic = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        error_messages={"required": _("Geef het onderwerp."), "max_length": TOO_LONG},
    )
    clients_count = _count_field(_("Aantal cliënten"))
    advisers_count = _count_field(_("Aantal adviseurs"))
    managers_count = _count_field(_("Aantal managers"))
    council_members_count = _count_field(_("Aantal leden van de cliëntenraad"))
    others_count = _count_field(_("Aantal anderen"))
    notes = text_box(
        _("Wat zeiden de cliënten?"),
        rows=8,
        help_text=_(
            "Schrijf zonder namen. E-mailadressen, telefoonnummers en BSN-achtige nummers halen "
            "we er automatisch uit."
        ),
        max_length=TEXT_MAX * 2,
        required=_("Schrijf op wat cliënten zeiden."),
        too_long=TOO_LONG,
    )


class PointForm(forms.Form):
    text = text_box(
        _("Verbeterpunt"),
        rows=2,
        max_length=POINT_MAX,
        required=_("Beschrijf het verbeterpunt."),
        too_long=TOO_LONG,
    )
    owner = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een eigenaar."),
            "invalid_choice": _("Kies een medewerker van deze vestiging."),
        },
    )
    council_advice_ref = forms.CharField(
        label=_("Kenmerk van een advies van de cliëntenraad"),
        required=False,
        max_length=100,
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        offer_staff(self.fields["owner"], owners)


class PointStatusForm(forms.Form):
    status = radio_choice(
        _("Nieuwe status"),
        [
            (ImprovementPoint.Status.OPEN, _("Open")),
            (ImprovementPoint.Status.IN_PROGRESS, _("In uitvoering")),
            (ImprovementPoint.Status.DONE, _("Gerealiseerd")),
            (ImprovementPoint.Status.DROPPED, _("Niet uitgevoerd")),
        ],
        _("Kies een status."),
    )
    reason = text_box(
        _("Toelichting"),
        rows=2,
        help_text=_("Verplicht bij 'niet uitgevoerd'."),
        max_length=1000,
        too_long=TOO_LONG,
    )
