from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.core.forms import SubmitOnceForm, text_box

from . import queries
from .actions import MAX_WHY_LENGTH


class DecideForm(SubmitOnceForm):
    """The adviser's decision: the services on top of the online base, and a reason."""

    services = forms.ModelMultipleChoiceField(
        label=_("Diensten naast de online basis"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = text_box(
        _("Reden"),
        rows=3,
        attrs={"class": "utrecht-textarea"},
        max_length=1000,
        help_text=_("Verplicht als je afwijkt van het voorstel. Alleen medewerkers zien dit."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = queries.catalogue().exclude(kind="online_base")
        self.fields["services"].error_messages["invalid_choice"] = _("Kies diensten uit de lijst.")
        self.fields["services"].error_messages["invalid_pk_value"] = _(
            "Kies diensten uit de lijst."
        )


class RequestForm(SubmitOnceForm):
    """The client asks for a service, with a short why."""

    service = forms.ModelChoiceField(
        label=_("Waar wilt u om vragen?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies waar u om wilt vragen."),
            "invalid_choice": _("Kies een dienst uit de lijst."),
        },
    )
    why = text_box(
        _("Waarom wilt u dit?"),
        rows=4,
        attrs={"class": "utrecht-textarea"},
        help_text=_("Schrijf het in een paar zinnen. Uw adviseur leest het."),
        max_length=MAX_WHY_LENGTH,
        required=_("Schrijf kort waarom u dit wilt."),
        too_long=_("Gebruik maximaal %(limit_value)d tekens."),
    )

    def __init__(self, *args, already=(), **kwargs):
        super().__init__(*args, **kwargs)
        # What is in the plan already is not offered again.
        self.fields["service"].queryset = queries.requestable_services().exclude(pk__in=already)


# A call list further away than this says nothing useful (and date arithmetic has its limits).
MAX_DAYS_AWAY = 366


class DayForm(forms.Form):
    """Which day, and (for a manager) whose call list."""

    datum = forms.DateField(
        label=_("Dag"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
        error_messages={"invalid": _("Dit is geen geldige datum. Gebruik jjjj-mm-dd.")},
    )
    adviseur = forms.TypedChoiceField(
        label=_("Adviseur"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"invalid_choice": _("Kies een adviseur van je eigen vestiging.")},
    )

    def __init__(self, *args, advisers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviseur"].choices = [("", _("Mijzelf"))] + [
            (str(staff.pk), f"{staff.full_name} ({staff.job_title})") for staff in advisers
        ]

    def clean_datum(self):
        day = self.cleaned_data["datum"]
        today = timezone.localdate()
        if day is not None and abs((day - today).days) > MAX_DAYS_AWAY:
            raise forms.ValidationError(_("Kies een dag binnen een jaar van vandaag."))
        return day
