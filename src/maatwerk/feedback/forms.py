from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm
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


def _staff_label(staff: StaffMember) -> str:
    return f"{staff.full_name} ({staff.job_title})"


TOO_LONG = _("Gebruik maximaal %(limit_value)s tekens.")


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
    text = forms.CharField(
        label=_("Uw compliment"),
        max_length=COMPLIMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf uw compliment."),
            "max_length": _("Uw compliment is te lang. Gebruik maximaal %(limit_value)s tekens."),
        },
    )
    anonymous = forms.BooleanField(
        label=_("Ik wil dat de medewerker mijn naam niet ziet"),
        required=False,
    )

    def __init__(self, *args, staff_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff_choices
        self.fields["staff"].label_from_instance = _staff_label


class StaffSearchForm(forms.Form):
    naam = forms.CharField(
        label=_("Zoek een medewerker van uw werkplein op naam"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("Gebruik maximaal %(limit_value)s tekens.")},
    )


class FeedbackForm(SubmitOnceForm):
    kind = forms.ChoiceField(
        label=_("Wat voor reactie is het?"),
        choices=[
            (FeedbackItem.Kind.FEEDBACK, _("Feedback: wat goed ging of beter kan")),
            (FeedbackItem.Kind.COMPLAINT, _("Klacht: u bent ergens niet tevreden over")),
            (FeedbackItem.Kind.SUGGESTION, _("Suggestie: een idee om iets te verbeteren")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wat voor reactie het is."),
            "invalid_choice": _("Kies wat voor reactie het is."),
        },
    )
    text = forms.CharField(
        label=_("Uw reactie"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf uw reactie."),
            "max_length": _("Uw reactie is te lang. Gebruik maximaal %(limit_value)s tekens."),
        },
    )
    wants_answer = forms.TypedChoiceField(
        label=_("Wilt u een antwoord?"),
        choices=[("ja", _("Ja, ik wil graag een antwoord")), ("nee", _("Nee, dat hoeft niet"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of u een antwoord wilt."),
            "invalid_choice": _("Kies of u een antwoord wilt."),
        },
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Je antwoord"),
        help_text=_("De cliënt ziet je antwoord met je naam en functie."),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf je antwoord."),
            "max_length": _("Je antwoord is te lang. Gebruik maximaal %(limit_value)s tekens."),
        },
    )


REASON = forms.CharField(
    label=_("Reden"),
    max_length=1000,
    widget=forms.Textarea(attrs={"rows": 2}),
    error_messages={"required": _("Geef een reden."), "max_length": TOO_LONG},
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
        self.fields["new_owner"].queryset = owners
        self.fields["new_owner"].label_from_instance = _staff_label


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label=_("Nieuwe datum voor het antwoord"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
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
    kind = forms.ChoiceField(
        label=_("Soort sessie"),
        choices=[
            (DialogueSession.Kind.MIRROR, _("Spiegelgesprek")),
            (DialogueSession.Kind.DIALOGUE, _("Dialoogsessie")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de soort sessie."),
            "invalid_choice": _("Kies de soort sessie."),
        },
    )
    held_on = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
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
    notes = forms.CharField(
        label=_("Wat zeiden de cliënten?"),
        help_text=_(
            "Schrijf zonder namen. E-mailadressen, telefoonnummers en BSN-achtige nummers halen "
            "we er automatisch uit."
        ),
        max_length=TEXT_MAX * 2,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Schrijf op wat cliënten zeiden."),
            "max_length": TOO_LONG,
        },
    )

    COUNT_FIELDS = [
        "clients_count",
        "advisers_count",
        "managers_count",
        "council_members_count",
        "others_count",
    ]


class PointForm(forms.Form):
    text = forms.CharField(
        label=_("Verbeterpunt"),
        max_length=POINT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Beschrijf het verbeterpunt."),
            "max_length": TOO_LONG,
        },
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
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = _staff_label


class PointStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[
            (ImprovementPoint.Status.OPEN, _("Open")),
            (ImprovementPoint.Status.IN_PROGRESS, _("In uitvoering")),
            (ImprovementPoint.Status.DONE, _("Gerealiseerd")),
            (ImprovementPoint.Status.DROPPED, _("Niet uitgevoerd")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een status."),
            "invalid_choice": _("Kies een status."),
        },
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        help_text=_("Verplicht bij 'niet uitgevoerd'."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )
