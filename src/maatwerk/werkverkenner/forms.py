from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.core.source_text import show

from .models import TriageItem

SKIP = "overslaan"


class PageForm(forms.Form):
    """The questions of one page. Field names are the question codes."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.code] = self._field(question)

    def _field(self, question):
        required_message = _("Kies een antwoord.")
        if question.kind == "number":
            low, high = int(question.min_value), int(question.max_value)
            range_message = _("Vul een getal in van %(min)s tot %(max)s.") % {
                "min": low,
                "max": high,
            }
            field = forms.IntegerField(
                label=show(question.text),
                help_text=show(question.help_text),
                required=not question.optional,
                min_value=low,
                max_value=high,
                error_messages={
                    "required": _("Vul een getal in."),
                    "invalid": range_message,
                    "min_value": range_message,
                    "max_value": range_message,
                },
            )
            field.widget.attrs.update({"inputmode": "numeric", "class": "utrecht-textbox"})
        else:
            choices = [(o.code, show(o.label)) for o in question.options.all()]
            if question.optional:
                choices.append((SKIP, _("Ik sla deze vraag over")))
            field = forms.ChoiceField(
                label=show(question.text),
                help_text=show(question.help_text),
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": required_message,
                    "invalid_choice": _("Kies een van de antwoorden hieronder."),
                },
            )
        field.question = question
        return field

    def answers(self) -> dict:
        """Cleaned answers as stored: option code, number, or None when skipped."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.code)
            if value in (SKIP, None, ""):
                result[question.code] = None
            else:
                result[question.code] = value
        return result

    @staticmethod
    def initial_from(answers: dict, questions) -> dict:
        initial = {}
        for question in questions:
            if question.code in answers:
                value = answers[question.code]
                initial[question.code] = SKIP if value is None else value
        return initial


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (TriageItem.Status.INVITE, _("Uitnodigen voor een werkoriëntatiegesprek")),
            (TriageItem.Status.NO_INVITE, _("Niet uitnodigen")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies: uitnodigen of niet uitnodigen."),
            "invalid_choice": _("Kies: uitnodigen of niet uitnodigen."),
        },
    )
    reason = forms.CharField(
        label=_("Reden"),
        help_text=_("Verplicht. De reden komt in het dossier en in de auditlog."),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf waarom je dit besluit."),
            "min_length": _("Schrijf in minstens 10 tekens waarom je dit besluit."),
            "max_length": _("Gebruik maximaal 1000 tekens."),
        },
    )
