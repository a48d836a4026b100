import logging
import mimetypes
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from maatwerk.access.decorators import logged_in, public
from maatwerk.access.rules import client_of, staff_of
from maatwerk.core.navigation import first_granted_page

logger = logging.getLogger(__name__)

SERVED_MEDIA_TYPES = {"image/png", "image/jpeg", "image/webp", "image/gif"}


@logged_in
@require_GET
def home(request):
    user = request.user
    if client_of(user) is not None:
        return redirect("portal:home")
    if staff_of(user) is not None and user.has_perm("access.view_own_caseload"):
        return redirect("clients:caseload")
    if staff_of(user) is not None and user.has_perm("access.view_office_clients"):
        return redirect(reverse("clients:caseload") + "?bereik=vestiging")
    if user.is_superuser or (staff_of(user) is not None and user.has_perm("access.use_admin")):
        return redirect("admin:index")
    # Letter editors, researchers, council members...: the first page their menu offers.
    granted = first_granted_page(user) if staff_of(user) is not None else None
    if granted:
        return redirect(granted)
    return render(request, "site/no_role.html", status=403)


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
