from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm
from maatwerk.organisation.models import Weekday

from . import queries

MIN_REASON = 10


class ChooseForm(forms.Form):
    """Where and what: an office (any office) and a kind of conversation."""

    vestiging = forms.ModelChoiceField(
        queryset=queries.bookable_offices(),
        label=_("Werkplein"),
        empty_label=None,
        error_messages={
            "required": _("Kies een werkplein."),
            "invalid_choice": _("Kies een werkplein uit de lijst."),
        },
    )
    soort = forms.ModelChoiceField(
        queryset=queries.appointment_types(),
        label=_("Soort gesprek"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een soort gesprek."),
            "invalid_choice": _("Kies een soort gesprek uit de lijst."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vestiging"].widget.attrs["class"] = "utrecht-select"
        self.fields["soort"].label_from_instance = lambda kind: (
            f"{kind.name} ({kind.duration_minutes} {_('minuten')})"
        )


def parse_moment(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat((value or "").strip().replace(" ", "+"))
    except ValueError:
        return None
    # Far-off years overflow when a day is added; no booking is ever that far away.
    return moment if moment.tzinfo is not None and 2000 <= moment.year <= 2999 else None


class MomentField(forms.Field):
    """An aware ISO 8601 moment, as the slot lists send it."""

    default_error_messages = {
        "required": _("Kies een tijdstip."),
        "invalid": _("Kies een van de tijden uit de lijst."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        moment = parse_moment(str(value)) if len(str(value)) <= 40 else None
        if moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return moment


class ConfirmForm(ChooseForm, SubmitOnceForm):
    tijd = MomentField(label=_("Tijdstip"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vestiging"].widget = forms.HiddenInput()
        self.fields["soort"].widget = forms.HiddenInput()


class StaffConfirmForm(ConfirmForm):
    override_reason = forms.CharField(
        label=_("Waarom kies je toch dit tijdstip?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
        help_text=_("Alleen nodig als het tijdstip niet past bij de voorkeuren van de cliënt."),
    )
    override_confirmed = forms.BooleanField(
        label=_("Ik wijk bewust af van de voorkeuren van de cliënt."), required=False
    )

    def __init__(self, *args, clashes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.clashes = list(clashes)

    def clean(self):
        cleaned = super().clean()
        if self.clashes:
            if not cleaned.get("override_confirmed"):
                self.add_error(
                    "override_confirmed",
                    _("Bevestig dat je bewust afwijkt van de voorkeuren van de cliënt."),
                )
            if len((cleaned.get("override_reason") or "").strip()) < MIN_REASON:
                self.add_error(
                    "override_reason", _("Schrijf in minstens 10 tekens waarom je afwijkt.")
                )
        return cleaned


class MoveForm(forms.Form):
    tijd = MomentField(label=_("Nieuw tijdstip"))


class OutcomeForm(forms.Form):
    uitkomst = forms.ChoiceField(
        choices=[("held", _("Gehouden")), ("not_shown", _("Niet gekomen"))],
        error_messages={
            "required": _("Kies een uitkomst."),
            "invalid_choice": _("Kies een uitkomst."),
        },
    )


class AvailabilityForm(forms.Form):
    medewerker = forms.ChoiceField(label=_("Medewerker"))
    vestiging = forms.ChoiceField(label=_("Vestiging"))
    dag = forms.TypedChoiceField(label=_("Dag"), choices=Weekday.choices, coerce=int)
    van = forms.TimeField(label=_("Van"), widget=forms.TimeInput(attrs={"type": "time"}))
    tot = forms.TimeField(label=_("Tot"), widget=forms.TimeInput(attrs={"type": "time"}))
    geldig_vanaf = forms.DateField(
        label=_("Geldig vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    geldig_tot = forms.DateField(
        label=_("Geldig tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, staff_choices=(), office_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = staff_choices
        self.fields["vestiging"].choices = office_choices
        for name in ("medewerker", "vestiging", "dag"):
            self.fields[name].widget.attrs["class"] = "utrecht-select"
        for name in ("van", "tot", "geldig_vanaf", "geldig_tot"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("tot") and cleaned["van"] >= cleaned["tot"]:
            self.add_error("tot", _("Het eindtijdstip moet na het begintijdstip liggen."))
        return cleaned


class AbsenceForm(forms.Form):
    medewerker = forms.ChoiceField(label=_("Medewerker"))
    van = forms.DateTimeField(
        label=_("Van"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    tot = forms.DateTimeField(
        label=_("Tot"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, max_length=200)

    def __init__(self, *args, staff_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = staff_choices
        self.fields["medewerker"].widget.attrs["class"] = "utrecht-select"
        for name in ("van", "tot", "omschrijving"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("tot") and cleaned["van"] >= cleaned["tot"]:
            self.add_error("tot", _("Het einde moet na het begin liggen."))
        return cleaned
