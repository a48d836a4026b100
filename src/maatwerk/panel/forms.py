from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm
from maatwerk.surveys.forms import AnswerForm

from . import paper
from .models import Topic
from .strata import DIMENSION_LABELS, DIMENSIONS


class PlanForm(SubmitOnceForm):
    survey = forms.ModelChoiceField(
        label=_("Vragenlijst"),
        queryset=None,
        empty_label=_("Kies een vragenlijst"),
        error_messages={
            "required": _("Kies een vragenlijst."),
            "invalid_choice": _("Kies een gepubliceerde vragenlijst uit de lijst."),
        },
    )
    topic = forms.ModelChoiceField(
        label=_("Onderwerp"),
        queryset=Topic.objects.filter(is_active=True),
        empty_label=_("Kies een onderwerp"),
        error_messages={
            "required": _("Kies een onderwerp."),
            "invalid_choice": _("Kies een onderwerp uit de lijst."),
        },
    )
    target_size = forms.IntegerField(
        label=_("Hoeveel leden wil je uitnodigen?"),
        min_value=1,
        max_value=100000,
        error_messages={
            "required": _("Vul in hoeveel leden je wilt uitnodigen."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 400."),
            "min_value": _("Nodig minstens 1 lid uit."),
            "max_value": _("Nodig hoogstens 100.000 leden uit."),
        },
    )
    strata = forms.MultipleChoiceField(
        label=_("Verdeel de steekproef naar"),
        choices=[(d, DIMENSION_LABELS[d]) for d in DIMENSIONS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Elke groep krijgt evenveel uitnodigingen als past bij zijn deel van het panel."
        ),
        error_messages={"invalid_choice": _("Kies regio, leeftijd en/of duur uitkering.")},
    )
    seed = forms.IntegerField(
        label=_("Startgetal voor het loten"),
        required=False,
        min_value=0,
        max_value=2_000_000_000,
        help_text=_(
            "Leeg laten: Maatwerk kiest er een en legt het vast. Zelfde getal: zelfde loting."
        ),
        error_messages={
            "invalid": _("Vul een heel getal in, of laat het leeg."),
            "min_value": _("Vul 0 of een hoger getal in."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )
    rules_exception = forms.BooleanField(
        label=_("Uitzondering op de contactregels"),
        required=False,
        help_text=_(
            "Alleen als het echt nodig is. Leden over de grens worden dan toch uitgenodigd."
        ),
    )
    exception_reason = forms.CharField(
        label=_("Reden voor de uitzondering"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Schrijf de reden in hoogstens 1000 tekens.")},
    )

    def __init__(self, *args, **kwargs):
        from maatwerk.surveys.queries import published_surveys

        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = published_surveys()
        if not self.is_bound:
            # Region only: every grouping at once splits the panel into groups too small to
            # get an invitation (issue 13). The researcher adds age or duration when needed.
            self.fields["strata"].initial = ["region"]

    def clean(self):
        data = super().clean()
        if data.get("rules_exception") and len((data.get("exception_reason") or "").strip()) < 10:
            self.add_error(
                "exception_reason",
                _("Schrijf waarom dit onderzoek een uitzondering is (minstens 10 tekens)."),
            )
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat heb je nagekeken?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf wat je hebt nagekeken."),
            "max_length": _("Schrijf het in hoogstens 1000 tekens."),
        },
    )


class CodeAnswersForm(AnswerForm):
    """The personal code from the letter, the member's date of birth, and the survey's
    questions: one form, so a refused code writes nothing and keeps what was typed."""

    def __init__(self, *args, questions, for_member: bool, **kwargs):
        super().__init__(*args, questions=questions, **kwargs)
        code = forms.CharField(
            label=_("Uw persoonlijke code") if for_member else _("Persoonlijke code uit de brief"),
            max_length=20,
            help_text=_("8 letters en cijfers, bijvoorbeeld KM4T-XR7A."),
            error_messages={"required": _("Vul de code uit de brief in.")},
            widget=forms.TextInput(
                attrs={
                    "class": "utrecht-textbox mw-code",
                    "autocomplete": "off",
                    "autocapitalize": "characters",
                    "spellcheck": "false",
                }
            ),
        )
        born = forms.DateField(
            label=_("Uw geboortedatum") if for_member else _("Geboortedatum van het panellid"),
            input_formats=["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d"],
            help_text=_("Dag-maand-jaar, bijvoorbeeld 17-05-1980."),
            error_messages={
                "required": _("Vul de geboortedatum in."),
                "invalid": _(
                    "Schrijf de geboortedatum als dag-maand-jaar, bijvoorbeeld 17-05-1980."
                ),
            },
            widget=forms.TextInput(attrs={"class": "utrecht-textbox", "autocomplete": "off"}),
        )
        questions_first = dict(self.fields)
        self.fields = {paper.CODE: code, paper.BORN: born} | questions_first

    @property
    def code_fields(self):
        return [self[paper.CODE], self[paper.BORN]]
