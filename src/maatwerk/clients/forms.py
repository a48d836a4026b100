from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.organisation.models import StaffMember, Weekday

from .models import ContactPreference
from .queries import BY_NAME, BY_NAME_DESCENDING

SORTS = {
    "naam": (_("Naam (A–Z)"), BY_NAME),
    "-naam": (_("Naam (Z–A)"), BY_NAME_DESCENDING),
    "einde": (_("Einde uitkering (eerst)"), ["benefit_expected_end", "pk"]),
    "-einde": (_("Einde uitkering (laatst)"), ["-benefit_expected_end", "-pk"]),
    "start": (_("Begin uitkering (nieuwste eerst)"), ["-benefit_start", "-pk"]),
}


class CaseloadFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek op naam of BSN"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"),
        required=False,
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
    )


class AccessReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom open je dit dossier?"),
        help_text=_(
            "Deze cliënt staat niet op je eigen lijst. Je reden wordt vastgelegd en kan worden "
            "gecontroleerd."
        ),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf waarom je dit dossier opent."),
            "min_length": _("Schrijf in minstens 10 tekens waarom je dit dossier opent."),
            "max_length": _("Gebruik maximaal 500 tekens."),
        },
    )


def _new_staff_field():
    """The adviser who takes over: one reassignment or many, the same field and messages."""
    return forms.ModelChoiceField(
        label=_("Nieuwe adviseur"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een adviseur."),
            "invalid_choice": _("Kies een adviseur uit de lijst."),
        },
    )


def _handover_reason_field(label, help_text=""):
    return forms.CharField(
        label=label,
        max_length=1000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden voor de overdracht."),
            "max_length": _("Gebruik maximaal 1000 tekens."),
        },
    )


class ReassignForm(forms.Form):
    new_staff = _new_staff_field()
    reason = _handover_reason_field(_("Reden van de overdracht"))

    def __init__(self, *args, advisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_staff"].queryset = advisers
        self.fields["new_staff"].label_from_instance = lambda s: f"{s.full_name} ({s.job_title})"


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie (alleen voor medewerkers)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf een notitie."),
            "max_length": _("Een notitie is maximaal 2000 tekens."),
        },
    )


class BulkReassignForm(forms.Form):
    """The manager's list of clients without a contact person: tick clients, pick one adviser."""

    clients = forms.ModelMultipleChoiceField(
        label=_("Cliënten"),
        queryset=None,
        error_messages={
            "required": _("Kies minstens één cliënt."),
            "invalid_choice": _("Kies cliënten uit de lijst."),
            "invalid_pk_value": _("Kies cliënten uit de lijst."),
        },
    )
    new_staff = _new_staff_field()
    reason = _handover_reason_field(
        _("Reden"), help_text=_("Staat bij elke gekozen cliënt in het dossier en in het auditlog.")
    )

    def __init__(self, *args, clients, staff, advisers, **kwargs):
        """``clients`` and ``staff``: what a posted id may be (the action says what is wrong
        with a choice, such as an adviser out of service); ``advisers``: what the list offers."""
        super().__init__(*args, **kwargs)
        self.fields["clients"].queryset = clients
        field = self.fields["new_staff"]
        field.queryset = staff
        field.widget.choices = [("", "---------")] + [
            (adviser.pk, f"{adviser.full_name} ({adviser.job_title})") for adviser in advisers
        ]


WINDOW_ROWS = 3
TIME_FORMAT = "%H:%M"


def _time_field(label):
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=[TIME_FORMAT, "%H.%M", "%H:%M:%S"],
        widget=forms.TimeInput(format=TIME_FORMAT, attrs={"type": "time"}),
        error_messages={"invalid": _("Schrijf een tijd zoals 10:00.")},
    )


class ContactPreferenceForm(forms.Form):
    """How and when the client wants contact. Used by the client in the portal and (with a
    reason, ``StaffContactPreferenceForm``) by an adviser with the client."""

    channel = forms.ChoiceField(
        label=_("Hoe wilt u het liefst contact?"),
        choices=ContactPreference.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een manier van contact."),
            "invalid_choice": _("Kies een manier van contact uit de lijst."),
        },
    )
    language_level = forms.ChoiceField(
        label=_("Hoe eenvoudig moeten onze teksten zijn?"),
        choices=ContactPreference.LanguageLevel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een taalniveau."),
            "invalid_choice": _("Kies een taalniveau uit de lijst."),
        },
    )
    accessibility_needs = forms.CharField(
        label=_("Wat heeft u nodig om goed mee te doen?"),
        help_text=_("Bijvoorbeeld: een ingang zonder trap, of een gesprek met een tolk."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik maximaal 1000 tekens.")},
    )
    notes = forms.CharField(
        label=_("Andere wensen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik maximaal 1000 tekens.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = [("", _("Elke werkdag"))] + [(str(v), label) for v, label in Weekday.choices]
        for n in range(WINDOW_ROWS):
            self.fields[f"window_{n}_weekday"] = forms.TypedChoiceField(
                label=_("Dag"),
                choices=days,
                required=False,
                coerce=int,
                empty_value=None,
                error_messages={"invalid_choice": _("Kies een dag uit de lijst.")},
            )
            self.fields[f"window_{n}_starts"] = _time_field(_("Vanaf"))
            self.fields[f"window_{n}_ends"] = _time_field(_("Tot"))

    @classmethod
    def initial_for(cls, preference: ContactPreference | None) -> dict:
        if preference is None:
            return {"channel": ContactPreference.Channel.PORTAL, "language_level": "B1"}
        initial = {
            "channel": preference.channel,
            "language_level": preference.language_level,
            "accessibility_needs": preference.accessibility_needs,
            "notes": preference.notes,
        }
        for n, window in enumerate(list(preference.windows.all())[:WINDOW_ROWS]):
            initial[f"window_{n}_weekday"] = "" if window.weekday is None else window.weekday
            initial[f"window_{n}_starts"] = window.starts
            initial[f"window_{n}_ends"] = window.ends
        return initial

    def window_rows(self):
        """The bound fields per row, for the template."""
        return [
            (
                n + 1,
                self[f"window_{n}_weekday"],
                self[f"window_{n}_starts"],
                self[f"window_{n}_ends"],
            )
            for n in range(WINDOW_ROWS)
        ]

    def clean(self):
        data = super().clean()
        for n in range(WINDOW_ROWS):
            starts, ends = data.get(f"window_{n}_starts"), data.get(f"window_{n}_ends")
            if f"window_{n}_starts" in self.errors or f"window_{n}_ends" in self.errors:
                continue
            if starts is None and ends is not None:
                self.add_error(f"window_{n}_starts", _("Vul ook een begintijd in."))
            elif starts is not None and ends is None:
                self.add_error(f"window_{n}_ends", _("Vul ook een eindtijd in."))
            elif starts is not None and ends <= starts:
                self.add_error(f"window_{n}_ends", _("De eindtijd moet na de begintijd liggen."))
        return data

    def windows(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "weekday": data.get(f"window_{n}_weekday"),
                "starts": data[f"window_{n}_starts"],
                "ends": data[f"window_{n}_ends"],
            }
            for n in range(WINDOW_ROWS)
            if data.get(f"window_{n}_starts") is not None
        ]

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "channel": data["channel"],
            "language_level": data["language_level"],
            "accessibility_needs": data["accessibility_needs"],
            "notes": data["notes"],
            "windows": self.windows(),
        }

    def add_action_error(self, error) -> None:
        """An action's ValidationError on the fields: ``windows.0.ends`` is ``window_0_ends``."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, messages in error.message_dict.items():
            field = key.replace("windows.", "window_").replace(".", "_")
            self.add_error(field if field in self.fields else None, messages)


class StaffContactPreferenceForm(ContactPreferenceForm):
    reason = forms.CharField(
        label=_("Waarom pas je de voorkeuren aan?"),
        help_text=_("Bijvoorbeeld: samen met de cliënt aan de balie. De reden wordt vastgelegd."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Schrijf waarom je de voorkeuren aanpast."),
            "max_length": _("Gebruik maximaal 1000 tekens."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].label = _("Voorkeurskanaal")
        self.fields["language_level"].label = _("Taalniveau")
        self.fields["accessibility_needs"].label = _("Toegankelijkheid")
        self.fields["accessibility_needs"].help_text = ""

    def values(self) -> dict:
        return {**super().values(), "reason": self.cleaned_data["reason"]}
