from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import staff_of
from maatwerk.timeline.queries import events_for_client

from .actions import open_practice_account
from .queries import PRACTICE_SESSION_KEY, current_client, current_contact_person


@client_or_practice
@require_GET
def home(request):
    client = current_client(request)
    if client is None:
        # A staff member without an open practice account lands on their own work pages.
        return redirect("core:home")
    page = Paginator(events_for_client(client), 20).get_page(request.GET.get("pagina"))
    context = {
        "client": client,
        "adviser": current_contact_person(client),
        "page": page,
    }
    return render(request, "portal/home.html", context)


@staff("access.practice_as_client")
@require_POST
def practice_start(request):
    client = open_practice_account(staff=staff_of(request.user))
    request.session[PRACTICE_SESSION_KEY] = client.pk
    return redirect("portal:home")


@staff("access.practice_as_client")
@require_POST
def practice_stop(request):
    request.session.pop(PRACTICE_SESSION_KEY, None)
    return redirect("core:home")
