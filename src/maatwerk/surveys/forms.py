from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from maatwerk.organisation.models import Office, Region
from maatwerk.timeline.kinds import Voice, all_kinds

from . import logic
from .models import Question, Survey

# --- answering -------------------------------------------------------------------------------


class _FirstChoiceLabel:
    """The error summary links to ``id_for_label``: point it at the first choice, so following
    the link puts the keyboard focus in the group (Django leaves it empty for radio groups)."""

    def id_for_label(self, id_, index="0"):
        return f"{id_}_{index}" if id_ else id_


class Radios(_FirstChoiceLabel, forms.RadioSelect):
    pass


class Checkboxes(_FirstChoiceLabel, forms.CheckboxSelectMultiple):
    pass


class AnswerField(forms.Field):
    """One question; cleaning goes through ``logic.normalise``, the one set of answer rules."""

    def __init__(self, question: Question, **kwargs):
        self.question = question
        kind = question.kind
        if kind == Question.Kind.TEXT:
            widget = forms.Textarea(attrs={"rows": 4, "class": "utrecht-textarea"})
        elif kind == Question.Kind.MULTIPLE:
            widget = Checkboxes(choices=self._choices())
        else:
            widget = Radios(choices=self._choices())
        super().__init__(
            required=False,  # normalise() decides, with its own Dutch message
            widget=widget,
            label=logic.localised(question, "text"),
            help_text=logic.localised(question, "help_text"),
            **kwargs,
        )

    def _choices(self):
        q = self.question
        if q.has_options:
            return [(o.code, logic.localised(o, "label")) for o in q.option_list]
        if q.kind == Question.Kind.YES_NO:
            return [(logic.YES, _("Ja")), (logic.NO, _("Nee"))]
        low, high = logic.SCALES[q.kind]
        # The ends say what they mean, in the label itself: seen next to the number and read
        # out with it ("0 – helemaal niet waarschijnlijk").
        ends = dict(zip((low, high), logic.scale_ends(q), strict=True))
        return [(str(n), f"{n} – {ends[n]}" if n in ends else str(n)) for n in range(low, high + 1)]

    def clean(self, value):
        return logic.normalise(self.question, value)


class AnswerForm(forms.Form):
    """The shown questions of one page (or of a whole interview). Field names are codes."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.code] = AnswerField(question)

    def answers(self) -> dict:
        return {q.code: self.cleaned_data.get(q.code) for q in self.questions}

    @staticmethod
    def initial_from(answers: dict) -> dict:
        return {
            code: [str(v) for v in value] if isinstance(value, list) else str(value)
            for code, value in answers.items()
        }

    def rows(self):
        return [(self[q.code], q) for q in self.questions]


# --- building --------------------------------------------------------------------------------

TEXT = {"class": "utrecht-textbox"}
AREA = {"class": "utrecht-textarea", "rows": 3}


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, widget=forms.TextInput(TEXT))
    title_en = forms.CharField(
        label=_("Titel in het Engels"),
        max_length=200,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    intro = forms.CharField(
        label=_("Inleiding voor de cliënt"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(AREA),
    )
    intro_en = forms.CharField(
        label=_("Inleiding in het Engels"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(AREA),
    )


class NewSurveyForm(SurveyForm):
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=Survey.Kind.choices,
        widget=forms.RadioSelect,
        initial=Survey.Kind.SURVEY,
        error_messages={"required": _("Kies een soort."), "invalid_choice": _("Kies een soort.")},
    )


def _condition_fields(form, structure, before_page_order: int | None):
    """Choices for skip logic: questions on earlier pages, with the answers they can have."""
    candidates = [
        q
        for q in structure.questions
        if before_page_order is None or q.page.order < before_page_order
    ]
    candidates = [q for q in candidates if logic.condition_values(q)]
    form.fields["show_if_question"].choices = [("", _("Altijd tonen"))] + [
        (str(q.pk), f"{q.code}: {q.text}") for q in candidates
    ]
    values = sorted({v for q in candidates for v, _label in logic.condition_values(q)})
    form.fields["show_if_value"].help_text = _(
        "Het antwoord dat de vraag moet hebben: de code van een antwoord, ja, nee of een getal."
    )
    form.condition_questions = {str(q.pk): q for q in candidates}
    form.condition_values = values


class ConditionMixin(forms.Form):
    show_if_question = forms.ChoiceField(
        label=_("Alleen tonen als deze vraag"),
        required=False,
        error_messages={"invalid_choice": _("Kies een vraag uit de lijst.")},
    )
    show_if_value = forms.CharField(
        label=_("dit antwoord heeft"), max_length=50, required=False, widget=forms.TextInput(TEXT)
    )

    def clean(self):
        data = super().clean()
        chosen = data.get("show_if_question")
        data["show_if_question"] = self.condition_questions.get(chosen) if chosen else None
        if data["show_if_question"] is not None and not data.get("show_if_value"):
            self.add_error("show_if_value", _("Vul het antwoord in waarop de vraag wordt getoond."))
        return data


class PageForm(ConditionMixin):
    title = forms.CharField(
        label=_("Titel van de pagina"), max_length=200, widget=forms.TextInput(TEXT)
    )
    title_en = forms.CharField(
        label=_("Titel in het Engels"), max_length=200, required=False, widget=forms.TextInput(TEXT)
    )
    field_order = ["title", "title_en", "show_if_question", "show_if_value"]

    def __init__(self, *args, structure, page_order=None, **kwargs):
        super().__init__(*args, **kwargs)
        _condition_fields(self, structure, page_order)


class QuestionForm(ConditionMixin):
    page = forms.ChoiceField(label=_("Pagina"))
    kind = forms.ChoiceField(
        label=_("Soort vraag"),
        choices=Question.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een soort vraag.")},
    )
    text = forms.CharField(label=_("Vraag"), max_length=300, widget=forms.TextInput(TEXT))
    text_en = forms.CharField(
        label=_("Vraag in het Engels"), max_length=300, required=False, widget=forms.TextInput(TEXT)
    )
    help_text = forms.CharField(
        label=_("Uitleg"), max_length=500, required=False, widget=forms.TextInput(TEXT)
    )
    help_text_en = forms.CharField(
        label=_("Uitleg in het Engels"),
        max_length=500,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    low_label = forms.CharField(
        label=_("Bij een schaal: wat betekent het laagste cijfer?"),
        help_text=_("Bijvoorbeeld: helemaal niet waarschijnlijk. Leeg: helemaal niet."),
        max_length=80,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    low_label_en = forms.CharField(
        label=_("Laagste cijfer in het Engels"),
        max_length=80,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    high_label = forms.CharField(
        label=_("Bij een schaal: wat betekent het hoogste cijfer?"),
        help_text=_("Bijvoorbeeld: zeer waarschijnlijk. Leeg: heel erg."),
        max_length=80,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    high_label_en = forms.CharField(
        label=_("Hoogste cijfer in het Engels"),
        max_length=80,
        required=False,
        widget=forms.TextInput(TEXT),
    )
    required = forms.BooleanField(label=_("Verplicht"), required=False, initial=True)
    options = forms.CharField(
        label=_("Antwoorden (bij één of meer keuzes)"),
        help_text=_("Eén antwoord per regel. Engels erachter na een streep: Ja | Yes"),
        required=False,
        widget=forms.Textarea(AREA),
    )
    field_order = [
        "page",
        "kind",
        "text",
        "text_en",
        "help_text",
        "help_text_en",
        "low_label",
        "low_label_en",
        "high_label",
        "high_label_en",
        "required",
        "options",
        "show_if_question",
        "show_if_value",
    ]

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = {str(p.pk): p for p in structure.pages}
        self.fields["page"].choices = [(str(p.pk), p.title) for p in structure.pages]
        _condition_fields(self, structure, None)

    def clean(self):
        data = super().clean()
        data["page"] = self.pages.get(data.get("page"))
        condition = data.get("show_if_question")
        page = data["page"]
        if condition is not None and page is not None and condition.page.order >= page.order:
            self.add_error("show_if_question", _("Kies een vraag van een eerdere pagina."))
        return data


class RuleForm(forms.Form):
    event_kind = forms.ChoiceField(label=_("Na dit soort contact"))
    survey = forms.ModelChoiceField(
        label=_("Deze korte vragen stellen"),
        queryset=Survey.objects.filter(
            kind=Survey.Kind.AFTER_CONTACT, status=Survey.Status.PUBLISHED
        ),
        empty_label=None,
        error_messages={"required": _("Kies de vragen."), "invalid_choice": _("Kies de vragen.")},
    )
    expires_after_days = forms.IntegerField(
        label=_("Verloopt na (dagen)"),
        min_value=1,
        max_value=365,
        initial=14,
        widget=forms.NumberInput({"class": "utrecht-textbox"}),
        error_messages={
            "required": _("Vul een aantal dagen in."),
            "invalid": _("Vul een aantal dagen in van 1 tot en met 365."),
            "min_value": _("Vul een aantal dagen in van 1 tot en met 365."),
            "max_value": _("Vul een aantal dagen in van 1 tot en met 365."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_kind"].choices = [
            (kind.code, f"{kind.label_in(Voice.STAFF)} ({kind.code})")
            for kind in all_kinds()
            if not kind.code.startswith("survey.")
        ]


class SessionForm(forms.Form):
    survey = forms.ModelChoiceField(
        label=_("Interview"),
        queryset=Survey.objects.filter(kind=Survey.Kind.INTERVIEW, status=Survey.Status.PUBLISHED),
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een interview uit de lijst.")},
    )
    office = forms.ModelChoiceField(
        label=_("Vestiging"),
        queryset=Office.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een vestiging waar je werkt.")},
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = staff.offices.filter(is_active=True).order_by("name")


class ResultsFilterForm(forms.Form):
    vestiging = forms.ModelChoiceField(
        label=_("Vestiging"),
        queryset=Office.objects.order_by("name"),
        required=False,
        empty_label=_("Alle vestigingen"),
    )
    regio = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("Alle regio's"),
    )


class ExportForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("Bestand"),
        choices=[
            ("csv", _("CSV (antwoorden)")),
            ("codebook", _("CSV (codeboek)")),
            ("xlsx", _("Excel")),
        ],
        widget=forms.RadioSelect,
        initial="xlsx",
        error_messages={
            "required": _("Kies een bestand."),
            "invalid_choice": _("Kies een bestand."),
        },
    )
    link_key = forms.SlugField(
        label=_("Koppelsleutel (niet verplicht)"),
        help_text=_(
            "Met dezelfde sleutel krijgt dezelfde cliënt in elke export hetzelfde nummer. "
            "Zonder sleutel zijn nummers alleen binnen deze vragenlijst gelijk."
        ),
        max_length=50,
        required=False,
        widget=forms.TextInput(TEXT),
        error_messages={"invalid": _("Gebruik alleen letters, cijfers en streepjes.")},
    )


def validate_option_text(question_kind: str, text: str):
    from .actions import parse_options

    options = parse_options(text or "")
    if question_kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(options) < 2:
        raise ValidationError({"options": _("Geef minstens twee antwoorden, één per regel.")})
    return options
