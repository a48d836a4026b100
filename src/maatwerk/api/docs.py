"""The interactive documentation at /api/docs, from django-ninja's own static files.

django-ninja falls back to a template that loads Swagger UI from a CDN with an inline script
when "ninja" is not in INSTALLED_APPS. That page would break under the site's CSP (script-src
'self') and leak visits to a third party, so this page always renders the local template: the
bundle and its start script are files under STATIC_URL, the settings a JSON data block, and no
inline script or style is needed.
"""

from django.shortcuts import render
from ninja.openapi.docs import DocsBase


class LocalSwagger(DocsBase):
    template = "api/swagger.html"
    swagger_settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        # No calls to swagger.io's online validator; the token is kept for this tab only.
        "validatorUrl": None,
        "persistAuthorization": False,
    }

    def render_page(self, request, api, **kwargs):
        settings = {**self.swagger_settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, self.template, {"api": api, "swagger_settings": settings})
