from functools import partial
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import staff
from maatwerk.access.rules import (
    advisers_for,
    can_reassign,
    client_access,
    may_give_reason,
    may_list_clients,
    require,
    staff_of,
    visible_clients,
)
from maatwerk.core import open_work, preference_clashes
from maatwerk.core.forms import succeeded
from maatwerk.organisation.models import StaffMember
from maatwerk.timeline.queries import events_for_staff

from . import access_grants, actions, queries, summary
from .file_access import open_client_file, page_ground
from .forms import (
    SORTS,
    AccessReasonForm,
    BulkReassignForm,
    CaseloadFilterForm,
    NoteForm,
    ReassignForm,
    StaffContactPreferenceForm,
)
from .models import Client
from .queries import assignment_history, search_clients

PAGE_SIZE = 25


def _without_contact_count(user) -> int | None:
    """For a manager: how many clients of their offices wait for a contact person."""
    manager = staff_of(user)
    if manager is None or not user.has_perm("access.reassign_client"):
        return None
    return queries.without_contact_person(manager.offices.all()).count()


@staff()
@require_GET
def caseload(request):
    scope = "office" if request.GET.get("bereik") == "vestiging" else "own"
    if (
        scope == "own"
        and not may_list_clients(request.user, "own")
        and may_list_clients(request.user, "office")
    ):
        return redirect(reverse("clients:caseload") + "?bereik=vestiging")
    require(may_list_clients, request.user, scope)
    form = CaseloadFilterForm(request.GET or None)
    query, sort = "", "naam"
    if form.is_valid():
        query = form.cleaned_data["q"]
        sort = form.cleaned_data["sorteer"] or "naam"
    clients = search_clients(visible_clients(request.user, scope), query)
    clients = clients.select_related("office").order_by(*SORTS[sort][1])
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("pagina"))
    kept = QueryDict(mutable=True)
    kept.update({k: v for k, v in request.GET.items() if k in {"q", "sorteer", "bereik"} and v})
    context = {
        "form": form,
        "page": page,
        "scope": scope,
        "query": query,
        "query_string": kept.urlencode(),
        "without_contact": _without_contact_count(request.user),
    }
    # A history restore wants the whole page; only a live search gets the results fragment.
    partial = (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
    template = "clients/_caseload_results.html" if partial else "clients/caseload.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@staff()
@require_GET
def client_file(request, pk: int):
    clients = Client.objects.select_related("office", "preference").prefetch_related(
        "preference__windows"
    )
    client = get_object_or_404(clients, pk=pk)
    reason = page_ground(request, client, client_access(request.user, client))
    if reason is None:
        return redirect("clients:access_reason", pk=client.pk)
    actions.record_file_view(user=request.user, client=client, reason=reason)
    kind_form = summary.TimelineFilterForm(request.GET or None)
    group = kind_form.group()
    events = events_for_staff(client)
    if group:
        events = events.filter(summary.kind_filter(group))
    page = Paginator(events, 25).get_page(request.GET.get("pagina"))
    context = {
        "client": client,
        "summary": summary.rows_for(client, request.user),
        "kind_form": kind_form,
        "kind_group": group,
        "query_string": urlencode({"soort": group}) if group else "",
        "preference": getattr(client, "preference", None),
        "assignments": assignment_history(client),
        "page": page,
        "access_reason": reason,
        "can_reassign": can_reassign(request.user, client),
        "note_form": NoteForm(),
        "preference_clashes": preference_clashes.clashes_for(client),
    }
    return render(request, "clients/client_file.html", context)


@staff("access.view_client_with_reason")
@require_http_methods(["GET", "POST"])
def access_reason(request, pk: int):
    client = get_object_or_404(Client, pk=pk)
    access = client_access(request.user, client)
    if access.allowed:
        return redirect("clients:file", pk=client.pk)
    require(may_give_reason, access)
    form = AccessReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        give_reason = partial(
            actions.give_access_reason, user=request.user, client=client, reason=reason
        )
        if succeeded(form, give_reason):
            access_grants.grant(request.session, client.pk, reason)
            return redirect("clients:file", pk=client.pk)
    return render(request, "clients/access_reason.html", {"client": client, "form": form})


@staff("access.reassign_client")
@require_http_methods(["GET", "POST"])
def reassign(request, pk: int):
    client = get_object_or_404(Client.objects.select_related("office"), pk=pk)
    require(can_reassign, request.user, client)
    form = ReassignForm(request.POST or None, advisers=advisers_for(client))
    if request.method == "POST" and form.is_valid():
        reassigned = succeeded(
            form,
            lambda: actions.reassign_contact_person(
                client=client,
                new_staff=form.cleaned_data["new_staff"],
                by_user=request.user,
                reason=form.cleaned_data["reason"],
            ),
        )
        if reassigned:
            messages.success(
                request,
                _("%(name)s is nu de vaste contactpersoon.")
                % {"name": form.cleaned_data["new_staff"].full_name},
            )
            return redirect("clients:file", pk=client.pk)
    return render(request, "clients/reassign.html", {"client": client, "form": form})


@staff()
@require_POST
def add_note(request, pk: int):
    client, redirect_to = open_client_file(request, pk)
    if redirect_to:
        return redirect_to
    form = NoteForm(request.POST)
    if form.is_valid():
        actions.add_note(client=client, by_user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("De notitie staat op de tijdlijn."))
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect("clients:file", pk=client.pk)


@staff("access.reassign_client")
@require_http_methods(["GET", "POST"])
def without_contact_person(request):
    """The office manager's list: clients whose contact person left, with their open work, to
    reassign one by one (the reassign page) or several at once (this form)."""
    manager = staff_of(request.user)
    offices = list(manager.offices.all())
    waiting = queries.without_contact_person(offices)
    advisers = list(queries.advisers_of_offices(offices))
    form = BulkReassignForm(
        request.POST or None,
        clients=Client.objects.real().filter(office__in=offices),
        staff=StaffMember.objects.filter(offices__in=offices).distinct(),
        advisers=advisers,
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["clients"]
        reassigned = succeeded(
            form,
            lambda: actions.reassign_clients(
                clients=chosen,
                new_staff=form.cleaned_data["new_staff"],
                by_user=request.user,
                reason=form.cleaned_data["reason"],
            ),
        )
        if reassigned:
            messages.success(
                request,
                ngettext(
                    "%(name)s is nu de vaste contactpersoon van %(count)d cliënt.",
                    "%(name)s is nu de vaste contactpersoon van %(count)d cliënten.",
                    len(chosen),
                )
                % {"name": form.cleaned_data["new_staff"].full_name, "count": len(chosen)},
            )
            return redirect("clients:without_contact_person")
    chosen_ids = {str(value) for value in form["clients"].value() or []}
    rows = [
        {
            "client": client,
            "previous": queries.previous_contact_person(client),
            "open_work": open_work.open_work_for(client),
            "chosen": str(client.pk) in chosen_ids,
        }
        for client in waiting
    ]
    # Longest waiting first; a client who never had a contact person before all of them.
    rows.sort(key=lambda row: (True, row["previous"].ended_at) if row["previous"] else (False, 0))
    context = {"form": form, "rows": rows, "advisers": advisers, "offices": offices}
    return render(request, "clients/without_contact_person.html", context)


@staff()
@require_http_methods(["GET", "POST"])
def edit_preferences(request, pk: int):
    """An adviser changes the client's contact preferences with them: a reason, audited."""
    client, redirect_to = open_client_file(
        request, pk, Client.objects.select_related("office", "preference")
    )
    if redirect_to:
        return redirect_to
    preference = getattr(client, "preference", None)
    form = StaffContactPreferenceForm(
        request.POST or None, initial=StaffContactPreferenceForm.initial_for(preference)
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_contact_preferences(client=client, by_user=request.user, **form.values())
        except ValidationError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("De contactvoorkeuren zijn opgeslagen."))
            return redirect("clients:file", pk=client.pk)
    return render(request, "clients/preferences.html", {"client": client, "form": form})
