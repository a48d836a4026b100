from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors here: the database may be the thing that failed.
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason=""):
    return render(
        request,
        "403.html",
        {
            "message": _(
                "Het formulier is verlopen. Ga terug, laad de pagina opnieuw "
                "en probeer het nog eens."
            )
        },
        status=403,
    )
