"""The REST API under /api/: token-authenticated, deny by default.

Every operation requires ``Authorization: Bearer <token>`` (auth is set on the NinjaAPI itself,
so an operation without its own auth is still protected). The OpenAPI schema
(/api/openapi.json) and the documentation page (/api/docs) are public: they describe the API,
they hold no data. The access middleware leaves the "api" namespace to this module.
"""

from ninja import NinjaAPI

from maatwerk.core.app_modules import app_modules

from . import errors
from .auth import ApiTokenAuth
from .docs import LocalSwagger
from .views import catch_all, router

api = NinjaAPI(
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
    if hasattr(module, "router"):  # maatwerk.profiler.api is a Python API, not a web one
        api.add_router("", module.router)
api.add_router("", catch_all)
