"""Every permission Maatwerk knows, in one place. Roles (groups) hold them as data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PERMISSIONS = [
    ("view_own_caseload", _("Eigen cliënten bekijken (vaste contactpersoon)")),
    ("view_office_clients", _("Cliënten van de eigen vestiging bekijken")),
    ("view_client_with_reason", _("Dossier van een andere cliënt openen met een reden")),
    ("reassign_client", _("Cliënt overdragen aan een andere adviseur")),
    ("register_client", _("Cliënten inschrijven")),
    ("practice_as_client", _("Oefenen als klant")),
    ("use_api", _("De API gebruiken")),
    ("use_admin", _("De beheeromgeving gebruiken")),
    ("triage_werkverkenner", _("Werkverkenner: werklijst en invullen met een cliënt")),
    ("manage_models", _("Werkverkenner: modelversies beheren en alle cliënten berekenen")),
]


class Capability(models.Model):
    """Holds no rows: it only gives the permissions above a home in Django's permission table."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = PERMISSIONS
        verbose_name = _("recht")
        verbose_name_plural = _("rechten")

    def __str__(self):
        return str(self._meta.verbose_name)
