"""Dutch names for the models and fields of the libraries that show in the admin (django-axes,
django-otp, django-tasks-db): they ship no Dutch, and a beheerder should not meet "Access
attempts" or "User Agent" between Maatwerk's own Dutch sections.

Only display names change (``verbose_name``), never a database column: no migration follows."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

MODELS = {
    "axes.AccessAttempt": (_("mislukte inlogpoging"), _("mislukte inlogpogingen en blokkades")),
    "axes.AccessFailureLog": (_("mislukte inlog"), _("logboek mislukte inlogs")),
    "axes.AccessLog": (_("inlog"), _("logboek inloggen en uitloggen")),
    "axes.AccessAttemptExpiration": (_("verloop van een blokkade"), _("verloop van blokkades")),
    "otp_totp.TOTPDevice": (_("authenticator-app"), _("authenticator-apps")),
    "django_tasks_database.DBTaskResult": (_("taakresultaat"), _("taakresultaten")),
}

_LOG_IN_FIELDS = {
    "user_agent": _("browser"),
    "ip_address": _("IP-adres"),
    "username": _("gebruikersnaam"),
    "http_accept": _("geaccepteerde formaten (HTTP Accept)"),
    "path_info": _("pagina"),
    "attempt_time": _("tijdstip"),
}
FIELDS = {
    "axes.AccessAttempt": {
        **_LOG_IN_FIELDS,
        "get_data": _("gegevens in de adresregel (GET)"),
        "post_data": _("verstuurde gegevens (POST)"),
        "failures_since_start": _("aantal mislukte pogingen"),
    },
    "axes.AccessFailureLog": {**_LOG_IN_FIELDS, "locked_out": _("geblokkeerd")},
    "axes.AccessLog": {
        **_LOG_IN_FIELDS,
        "attempt_time": _("ingelogd om"),
        "logout_time": _("uitgelogd om"),
        "session_hash": _("sessie (hash)"),
    },
    "axes.AccessAttemptExpiration": {
        "access_attempt": _("mislukte inlogpoging"),
        "expires_at": _("verloopt om"),
    },
    "otp_totp.TOTPDevice": {
        "user": _("gebruiker"),
        "name": _("naam"),
        "confirmed": _("bevestigd"),
        "created_at": _("aangemaakt"),
        "last_used_at": _("laatst gebruikt"),
        "key": _("geheime sleutel"),
        "step": _("stap (seconden)"),
        "t0": _("begintijd (t0)"),
        "digits": _("aantal cijfers"),
        "tolerance": _("speling (stappen)"),
        "drift": _("afwijking (stappen)"),
        "last_t": _("laatst gebruikte stap"),
        "throttling_failure_timestamp": _("laatste mislukte code"),
        "throttling_failure_count": _("aantal mislukte codes"),
    },
}


def name_library_models() -> None:
    for label, (singular, plural) in MODELS.items():
        meta = apps.get_model(label)._meta
        meta.verbose_name, meta.verbose_name_plural = singular, plural
        for field_name, verbose in FIELDS.get(label, {}).items():
            meta.get_field(field_name).verbose_name = verbose
