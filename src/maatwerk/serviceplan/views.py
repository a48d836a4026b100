"""The client's "Mijn plan", the adviser's plan page and the call list ("Beldag")."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import require, staff_of
from maatwerk.clients.file_access import open_client_file
from maatwerk.clients.models import Client
from maatwerk.core.forms import show_validation_error
from maatwerk.organisation.models import StaffMember
from maatwerk.portal.queries import current_client
from maatwerk.werkverkenner.explain import band_sentence

from . import actions, call_list, queries, rules
from .forms import DayForm, DecideForm, RequestForm
from .models import Conversation

DECIDE = rules.DECIDE
CALL_LIST = "serviceplan.view_call_list"

# The appointments app's booking pages, by URL name; used only when they exist.
BOOKING_URLS = {"client": "appointments:choose", "staff": "appointments:staff_choose"}


def booking_url(audience: str, client: Client) -> str | None:
    try:
        if audience == "staff":
            return reverse(BOOKING_URLS["staff"], args=[client.pk])
        return reverse(BOOKING_URLS["client"])
    except NoReverseMatch:
        return None


def _cycle(client: Client, today):
    return queries.cycle_rows(client, today)


# --- the client ---------------------------------------------------------------------------------


@client_or_practice
@require_http_methods(["GET", "POST"])
def mine(request):
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    plan_now = queries.current_plan(client)
    already = [item.service_id for item in plan_now.items.all()] if plan_now else []
    form = RequestForm(request.POST or None, already=already)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_service(
                client=client,
                service=form.cleaned_data["service"],
                why=form.cleaned_data["why"],
                user=request.user,
                submission_token=form.cleaned_data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(
                request, _("Uw vraag is verstuurd. Uw adviseur kijkt of het in uw plan past.")
            )
            return redirect("serviceplan:mine")
    today = timezone.localdate()
    upcoming = queries.next_conversation(client)
    context = {
        "client": client,
        "plan": plan_now,
        "next": upcoming,
        "next_state": queries.state_of(upcoming, today) if upcoming else None,
        "next_booked": queries.booked_for(upcoming) if upcoming else "",
        "open_requests": queries.open_requests(client),
        "form": form,
        "booking_url": booking_url("client", client),
    }
    return render(request, "serviceplan/mine.html", context)


# --- the adviser --------------------------------------------------------------------------------


def _client_for_staff(request, pk: int):
    """The client, or a redirect to give a reason first (as the client file does)."""
    return open_client_file(request, pk, Client.objects.select_related("office", "preference"))


@staff(DECIDE)
@require_http_methods(["GET", "POST"])
def plan(request, pk: int):
    client, redirect_to = _client_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    proposal = queries.open_proposal(client)
    current = queries.current_plan(client)
    basis = proposal or (current.proposal if current else None)
    # Before the first proposal is stored, the page shows what it would be (deciding stores it).
    preview = queries.proposal_for(client) if proposal is None and current is None else None
    if preview is not None:
        proposed_ids = {str(service.pk) for service in preview.services}
        initial = {"services": [service.pk for service in preview.services]}
    else:
        shown = proposal or current
        proposed_ids = {str(item.service_id) for item in basis.items.all()} if basis else set()
        initial = {"services": [item.service_id for item in shown.items.all()]}
    base = queries.online_base()
    if base is not None:  # always in the plan; not a choice on the form
        initial["services"] = [pk for pk in initial["services"] if pk != base.pk]
    form = DecideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_plan(
                client=client,
                services=form.cleaned_data["services"],
                reason=form.cleaned_data["reason"],
                user=request.user,
                submission_token=form.cleaned_data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Het plan is vastgelegd en staat op de tijdlijn."))
            return redirect("serviceplan:plan", pk=client.pk)
    today = timezone.localdate()
    context = {
        "client": client,
        "current": current,
        "proposal": proposal,
        "basis": basis,
        "proposed_ids": proposed_ids,
        "preview": preview,
        "band_sentence": band_sentence((proposal or preview).band) if proposal or preview else "",
        "base": base,
        "history": queries.history(client),
        "requests": queries.requests_of(client),
        "cycle": _cycle(client, today),
        "form": form,
        "booking_url": booking_url("staff", client),
    }
    return render(request, "serviceplan/plan.html", context)


@staff(DECIDE)
@require_POST
def propose(request, pk: int):
    client, redirect_to = _client_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    before = queries.latest_version(client)
    version = actions.propose_plan(client=client)
    if before is not None and version.pk == before.pk:
        messages.success(request, _("Er is geen nieuw voorstel: het voorstel is nog hetzelfde."))
    else:
        messages.success(request, _("Er is een nieuw voorstel gemaakt. Jij beslist."))
    return redirect("serviceplan:plan", pk=client.pk)


@staff(DECIDE)
@require_POST
def conversation_held(request, pk: int, conversation_pk: int):
    client, redirect_to = _client_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    conversation = get_object_or_404(Conversation, pk=conversation_pk, client=client)
    if request.POST.get("bevestigd") != "ja":
        messages.error(request, _("Vink aan dat je het gesprek echt met de cliënt hebt gehouden."))
        return redirect("serviceplan:plan", pk=client.pk)
    try:
        actions.record_conversation_held(conversation=conversation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het gesprek is vastgelegd."))
    return redirect("serviceplan:plan", pk=client.pk)


# --- the call list ------------------------------------------------------------------------------


def _office_advisers(me: StaffMember, user):
    if not user.has_perm("access.view_office_clients"):
        return StaffMember.objects.none()
    return (
        StaffMember.objects.active()
        .filter(offices__in=me.offices.all(), assignments__ended_at__isnull=True)
        .exclude(pk=me.pk)
        .distinct()
        .order_by("surname", "first_name", "pk")
    )


@staff(CALL_LIST)
@require_GET
def call_list_view(request):
    me = staff_of(request.user)
    advisers = list(_office_advisers(me, request.user))
    form = DayForm(request.GET or None, advisers=advisers)
    today = timezone.localdate()
    if request.GET and not form.is_valid():
        if "adviseur" in form.errors:
            require(rules.may_see_call_lists_of_others, request.user)
        context = {"form": form, "day": today, "calls": None, "advisers": advisers}
        return render(request, "serviceplan/call_list.html", context, status=400)
    data = form.cleaned_data if request.GET else {}
    day = data.get("datum") or today
    whose = me
    if data.get("adviseur"):
        whose = next(adviser for adviser in advisers if adviser.pk == data["adviseur"])
    calls = call_list.build(whose, day, viewer=request.user)
    context = {
        "form": form,
        "day": day,
        "today": today,
        "whose": whose,
        "is_me": whose.pk == me.pk,
        "calls": calls,
        "advisers": advisers,
        "previous_day": day - timedelta(days=1),
        "next_day": day + timedelta(days=1),
    }
    return render(request, "serviceplan/call_list.html", context)
