import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from maatwerk.access.decorators import logged_in, public, staff
from maatwerk.access.rules import client_of, staff_of
from maatwerk.core.navigation import first_granted_page

from .context_processors import VOLUNTEER_PERMISSION

logger = logging.getLogger(__name__)

SERVED_MEDIA_TYPES = {"image/png", "image/jpeg", "image/webp", "image/gif"}


def _role_grants(user, member, permission: str) -> bool:
    """Whether the staff member's roles grant ``permission``. A superuser "has" every permission,
    so has_perm cannot tell whether a superuser administrator has clients of their own."""
    if member is None:
        return False
    if not user.is_superuser:
        return user.has_perm(permission)
    app_label, codename = permission.split(".")
    return member.roles.filter(
        permissions__content_type__app_label=app_label, permissions__codename=codename
    ).exists()


@logged_in
@require_GET
def home(request):
    user = request.user
    if client_of(user) is not None:
        return redirect("portal:home")
    member = staff_of(user)
    if _role_grants(user, member, "access.view_own_caseload"):
        return redirect("clients:caseload")
    if _role_grants(user, member, "access.view_office_clients"):
        return redirect(reverse("clients:caseload") + "?bereik=vestiging")
    if user.is_superuser or (member is not None and user.has_perm("access.use_admin")):
        return redirect("admin:index")
    if member is not None and user.has_perm(VOLUNTEER_PERMISSION):
        return redirect("core:council")
    # Letter editors, researchers...: the first page their menu offers.
    granted = first_granted_page(user) if member is not None else None
    if granted:
        return redirect(granted)
    return render(request, "site/no_role.html", status=403)


@staff(VOLUNTEER_PERMISSION)
@require_GET
def council(request):
    """The client council member's start page: what there is to do, and where. Members are
    volunteers: the page links only to what their role opens."""
    from maatwerk.letters.queries import waiting_for

    user = request.user
    tasks = [
        {
            "title": _("Brieven meelezen"),
            "text": _(
                "Lees nieuwe brieven voordat ze naar klanten gaan. Is de brief duidelijk? "
                "Schrijf wat je anders zou doen."
            ),
            "url": reverse("letters:book"),
            "link": _("Naar alle brieven"),
            "permission": "letters.view_letter_book",
        },
        {
            "title": _("Uitkomsten van onderzoek"),
            "text": _(
                "Bekijk wat klanten antwoordden in vragenlijsten, interviews en het klantpanel."
            ),
            "url": reverse("surveys:research"),
            "link": _("Naar de uitkomsten"),
            "permission": "surveys.view_survey_results",
        },
        {
            "title": _("Interviews op een werkplein"),
            "text": _("Neem een interview af met een klant, op een tablet van het werkplein."),
            "url": reverse("surveys:interviews"),
            "link": _("Naar de interviews"),
            "permission": "surveys.conduct_interview",
        },
    ]
    context = {
        "to_read": waiting_for(user, staff_of(user))["read"],
        "tasks": [task for task in tasks if user.has_perm(task["permission"])],
    }
    return render(request, "site/council.html", context)


@public
@never_cache
@require_GET
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@logged_in
@require_GET
def serve_media(request, path: str):
    """Staff photos and other images, only for logged-in users and only images."""
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404
    content_type, _encoding = mimetypes.guess_type(target.name)
    if content_type not in SERVED_MEDIA_TYPES:
        raise Http404
    response = FileResponse(target.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response
