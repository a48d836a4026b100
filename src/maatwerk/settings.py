"""Maatwerk settings, read from the environment.

MAATWERK_MODE chooses the profile:
- ``demo``: the embedded default for clicking through; password log-in for everybody, no TOTP.
- ``development`` (default): like demo but with DEBUG on.
- ``production``: DEBUG off, SECRET_KEY and ALLOWED_HOSTS required, HTTPS-only cookies,
  HSTS, TOTP for staff, clients log in through OpenID Connect. Passes ``check --deploy``.
"""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("MAATWERK_PROJECT_DIR", PACKAGE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("MAATWERK_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


MODE = os.environ.get("MAATWERK_MODE", "development")
if MODE not in {"demo", "development", "production"}:
    raise ImproperlyConfigured(
        f"MAATWERK_MODE must be demo, development or production, not {MODE!r}"
    )
PRODUCTION = MODE == "production"
DEMO_MODE = MODE == "demo"
DEBUG = MODE == "development" and env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production mode.")
    # Only for demo and development on a developer's own machine.
    SECRET_KEY = "insecure-maatwerk-demo-key-never-use-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production mode.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "maatwerk.site.apps.MaatwerkAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "maatwerk.site.apps.TOTPConfig",  # django_otp.plugins.otp_totp, named in Dutch
    "maatwerk.site.apps.AxesConfig",  # axes
    "mozilla_django_oidc",
    "ninja",
    "django_tasks",
    "maatwerk.site.apps.TasksDatabaseConfig",  # django_tasks_db
    "maatwerk.core.apps.CoreConfig",
    "maatwerk.access",
    "maatwerk.audit",
    "maatwerk.organisation",
    "maatwerk.clients",
    "maatwerk.timeline",
    "maatwerk.notifications",
    "maatwerk.accounts",
    "maatwerk.portal",
    "maatwerk.api",
    "maatwerk.werkverkenner",
    "maatwerk.plain_language",
    "maatwerk.messaging",
    "maatwerk.appointments",
    "maatwerk.serviceplan",
    "maatwerk.letters",
    "maatwerk.surveys",
    "maatwerk.panel",
    "maatwerk.feedback",
    "maatwerk.insight",
    "maatwerk.site.apps.SiteConfig",
    # `maatwerk demo_data` needs Faker, which a production install leaves out (ADR 0020).
    *(["maatwerk.demo"] if not PRODUCTION or find_spec("faker") else []),
    "maatwerk.profiler",
]

MIDDLEWARE = [
    "maatwerk.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "maatwerk.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "maatwerk.core.middleware.PrivatePagesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "maatwerk.accounts.middleware.StaffSecondFactorMiddleware",
    # Before the access check: a locked office tablet shows its page and nothing else.
    "maatwerk.core.kiosk.KioskMiddleware",
    "maatwerk.access.middleware.AccessMiddleware",
]

ROOT_URLCONF = "maatwerk.urls"
WSGI_APPLICATION = "maatwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "maatwerk.site.context_processors.maatwerk",
            ],
            # In every template: one date format ({{ day|long_date }}, maatwerk.core.dates) and
            # stored text shown in the reader's language ({{ value|shown }}, core.source_text).
            "builtins": [
                "maatwerk.core.templatetags.dates",
                "maatwerk.core.templatetags.source_text",
            ],
        },
    }
]

# Every form control gets its NL Design System (Utrecht) classes in one place (ADR 0036).
FORM_RENDERER = "maatwerk.core.forms.UtrechtFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'maatwerk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE serialises writers at BEGIN, so the audit chain never forks.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "maatwerk.access.backends.RoleBackend",
    "maatwerk.accounts.oidc.ClientOIDCBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
NODE_MODULES = Path(os.environ.get("MAATWERK_NODE_MODULES", PROJECT_DIR / "node_modules"))
STATICFILES_DIRS = [
    ("vendor/utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht/design-tokens/dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Sessions and cookies: short-lived, HTTP-only, same-site; HTTPS-only in production.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "maatwerk.core.errors.csrf_failure"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, *env_list("OIDC_FORM_ACTION_ORIGINS")],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Log-in throttling: five failures lock the username from that address for 15 minutes. Behind a
# TLS proxy the address comes from CLIENT_IP_HEADER (accounts/conf.py), not the proxy's own.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_CLIENT_IP_CALLABLE = "maatwerk.accounts.client_ip.client_ip"
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Staff use a second factor (TOTP) everywhere but in demo and development.
STAFF_OTP_REQUIRED = env_bool("STAFF_OTP_REQUIRED", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Maatwerk")
# Clients log in with a password in demo/development; in production through OIDC (a DigiD broker).
CLIENT_PASSWORD_LOGIN = env_bool("CLIENT_PASSWORD_LOGIN", not PRODUCTION)
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid")
OIDC_BSN_CLAIM = os.environ.get("OIDC_BSN_CLAIM", "bsn")
OIDC_CREATE_USER = False
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID and OIDC_OP_AUTHORIZATION_ENDPOINT)
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"

# How long a reasoned look into another adviser's client file stays open.
CLIENT_ACCESS_GRANT_MINUTES = int(os.environ.get("CLIENT_ACCESS_GRANT_MINUTES", "60"))

# Background work (django-tasks). Immediate (in the request) by default, in demo and in tests;
# MAATWERK_TASKS_BACKEND=database queues tasks in the database for `maatwerk db_worker` processes.
TASKS_BACKEND = os.environ.get("MAATWERK_TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in {"immediate", "database"}:
    raise ImproperlyConfigured("MAATWERK_TASKS_BACKEND must be immediate or database.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# App settings that the environment may set. Their defaults, meaning and checks live in the apps'
# conf.py (werkverkenner, surveys; docs/adr/0025-settings-in-one-shape.md): set only when given.
if "WERKVERKENNER_MODEL_ROOT" in os.environ:
    WERKVERKENNER_MODEL_ROOT = os.environ["WERKVERKENNER_MODEL_ROOT"]
if "WERKVERKENNER_THRESHOLD" in os.environ:
    WERKVERKENNER_THRESHOLD = float(os.environ["WERKVERKENNER_THRESHOLD"])
if "VOICE_MIN_GROUP_SIZE" in os.environ:
    VOICE_MIN_GROUP_SIZE = int(os.environ["VOICE_MIN_GROUP_SIZE"])

# Where Maatwerk is reached from outside, for links in e-mails (no trailing slash). Empty: the
# e-mails name the portal instead of linking to it. `make demo PORT=…` sets it to its own port.
SITE_URL = os.environ.get("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "maatwerk@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "maatwerk.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

SILENCED_SYSTEM_CHECKS: list[str] = []
