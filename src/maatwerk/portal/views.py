from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import staff_of
from maatwerk.clients.actions import change_contact_preferences
from maatwerk.clients.forms import ContactPreferenceForm
from maatwerk.clients.models import ContactPreference
from maatwerk.timeline.queries import events_for_client

from .actions import open_practice_account
from .queries import PRACTICE_SESSION_KEY, current_client
from .queries import home as home_overview


@client_or_practice
@require_GET
def home(request):
    client = current_client(request)
    if client is None:
        # A staff member without an open practice account lands on their own work pages.
        return redirect("core:home")
    return render(request, "portal/home.html", {"client": client, **home_overview(client)})


@client_or_practice
@require_GET
def timeline(request):
    """Everything that happened, for the client: the home page shows only the latest."""
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    page = Paginator(events_for_client(client), 20).get_page(request.GET.get("pagina"))
    return render(request, "portal/timeline.html", {"client": client, "page": page})


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
    messages.success(request, _("Je bent gestopt met oefenen. Je ziet weer je eigen werk."))
    return redirect("core:home")


@client_or_practice
@require_http_methods(["GET", "POST"])
def contact_preferences(request):
    """The "Hoe wilt u contact?" page: the client changes their own contact preferences."""
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    preference = ContactPreference.objects.filter(client=client).first()
    form = ContactPreferenceForm(
        request.POST or None, initial=ContactPreferenceForm.initial_for(preference)
    )
    if request.method == "POST" and form.is_valid():
        try:
            change_contact_preferences(client=client, by_user=request.user, **form.values())
        except ValidationError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Uw wensen zijn opgeslagen. Wij houden er rekening mee."))
            return redirect("portal:contact_preferences")
    return render(request, "portal/contact_preferences.html", {"client": client, "form": form})
