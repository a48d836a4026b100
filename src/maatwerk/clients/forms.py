from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.organisation.models import StaffMember

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


class ReassignForm(forms.Form):
    new_staff = forms.ModelChoiceField(
        label=_("Nieuwe adviseur"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een adviseur."),
            "invalid_choice": _("Kies een adviseur uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Reden van de overdracht"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden voor de overdracht."),
            "max_length": _("Gebruik maximaal 1000 tekens."),
        },
    )

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
    new_staff = forms.ModelChoiceField(
        label=_("Nieuwe adviseur"),
        queryset=StaffMember.objects.none(),
        error_messages={
            "required": _("Kies een adviseur."),
            "invalid_choice": _("Kies een adviseur uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        help_text=_("Staat bij elke gekozen cliënt in het dossier en in het auditlog."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden voor de overdracht."),
            "max_length": _("Gebruik maximaal 1000 tekens."),
        },
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
