"""The REST API under /api/: token-authenticated, deny by default.

Every operation requires ``Authorization: Bearer <token>`` (auth is set on the NinjaAPI itself,
so an operation without its own auth is still protected). The OpenAPI schema
(/api/openapi.json) and the documentation page (/api/docs) are public: they describe the API,
they hold no data. The access middleware leaves the "api" namespace to this module.
"""

from types import ModuleType

from django.core.exceptions import ImproperlyConfigured
from ninja import NinjaAPI, Router

from maatwerk.core.app_modules import app_modules

from . import errors
from .auth import ApiTokenAuth
from .docs import LocalSwagger
from .views import catch_all, router


def router_of(module: ModuleType) -> Router:
    """The ``router`` of an app's ``api.py``. A module by that name without one is refused rather
    than skipped: the URLconf imports it in every web worker, so a Python interface named
    ``api.py`` would load its dependencies there (ADR 0019)."""
    app_router = getattr(module, "router", None)
    if not isinstance(app_router, Router):
        raise ImproperlyConfigured(
            f"{module.__name__} has no `router = ninja.Router()`. An app's api.py holds its REST "
            "operations and is imported by the URLconf; give any other module another name."
        )
    return app_router


class MaatwerkApi(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return errors.document_errors(super().get_openapi_schema(**kwargs))


api = MaatwerkApi(
    title="Maatwerk API",
    version="1",
    description=(
        "De API van Maatwerk voor medewerkers. Elke aanroep vraagt een API-sleutel "
        "(`Authorization: Bearer <sleutel>`); je ziet dezelfde cliënten als in Maatwerk zelf, "
        "en elke blik in een dossier komt in het auditlog."
    ),
    urls_namespace="api",
    auth=ApiTokenAuth(),
    docs=LocalSwagger(),
)
errors.install(api)
api.add_router("", router)

# A capability app adds its operations in its own ``api.py`` (``router = ninja.Router()``); they
# share this API's token auth, error handling and schema. Its paths start with the app's own word.
for _app, module in app_modules("api", exclude="maatwerk.api"):
    api.add_router("", router_of(module))
api.add_router("", catch_all)
