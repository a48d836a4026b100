"""Pages: the client books, moves and cancels ("Mijn afspraken"); an adviser books on behalf of
a client (clashing slots marked, an override needs a reason), sees their agenda for a day and
records the outcome; managers keep their office's availability. Everything goes through
``actions`` and ``queries``, which go through the office's agenda plugin."""

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import require, staff_of
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import open_client_file
from maatwerk.clients.models import Client
from maatwerk.core.forms import show_validation_error
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.portal.rules import portal_client

from . import actions, queries, rules, values
from .agenda import SlotTaken
from .builtin import zone
from .forms import (
    AbsenceForm,
    AvailabilityForm,
    ChooseForm,
    ConfirmForm,
    MoveForm,
    OutcomeForm,
    StaffConfirmForm,
    parse_moment,
)
from .models import Absence, Appointment, Availability

BOOK = rules.BOOK
AGENDA = rules.AGENDA
MANAGE = rules.MANAGE


@dataclass
class Flow:
    """Who books for whom: the client themselves, or staff on the client's behalf."""

    client: Client
    by_staff: bool

    def url(self, name: str, **params) -> str:
        if self.by_staff:
            path = reverse(f"appointments:staff_{name}", args=[self.client.pk])
        else:
            path = reverse(f"appointments:{name}")
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return f"{path}?{query}" if query else path


def _client_flow(request) -> Flow:
    return Flow(portal_client(request), by_staff=False)


def _staff_flow(request, pk: int):
    """The client for staff, or a redirect to give a reason first (as the client file does)."""
    client, redirect_to = open_client_file(request, pk)
    return (Flow(client, by_staff=True) if client else None), redirect_to


def _week(request) -> int:
    try:
        return max(0, min(int(request.GET.get("week", "0")), 52))
    except ValueError:
        return 0


def _chosen(request, data=None):
    """The office and kind from the query string, or None when missing or unknown."""
    form = ChooseForm(data if data is not None else request.GET)
    if not form.is_valid():
        return None, None, form
    return form.cleaned_data["vestiging"], form.cleaned_data["soort"], form


# --- the booking flow, shared by client and staff ---------------------------------------------


def _choose(request, flow: Flow):
    form = ChooseForm(request.GET or None, initial={"vestiging": flow.client.office_id})
    if request.GET and form.is_valid():
        return redirect(
            flow.url(
                "slots",
                vestiging=form.cleaned_data["vestiging"].pk,
                soort=form.cleaned_data["soort"].pk,
            )
        )
    return render(request, "appointments/choose.html", {"flow": flow, "form": form})


def _slots(request, flow: Flow):
    office, kind, _form = _chosen(request)
    if office is None:
        return redirect(flow.url("choose"))
    week = queries.slot_week(office, kind, flow.client, _week(request), for_staff=flow.by_staff)
    context = {
        "flow": flow,
        "office": office,
        "kind": kind,
        "week": week,
        "action": flow.url("confirm"),
        "hidden": {"vestiging": office.pk, "soort": kind.pk},
        "previous_url": flow.url("slots", vestiging=office.pk, soort=kind.pk, week=week.previous)
        if week.previous is not None
        else None,
        "next_url": flow.url("slots", vestiging=office.pk, soort=kind.pk, week=week.next)
        if week.next is not None
        else None,
    }
    return render(request, "appointments/slots.html", context)


def _clashes_for(flow, office, kind, moment) -> list[str]:
    if moment is None:
        return []
    from . import preferences

    wishes = preferences.ClientWishes.of(flow.client)
    ends = moment + timedelta(minutes=kind.duration_minutes)
    return preferences.clashes(wishes, kind, rules.agenda_of(office), moment, ends, zone())


def _confirm(request, flow: Flow):
    source = request.POST if request.method == "POST" else request.GET
    office, kind, _form = _chosen(request, source)
    if office is None:
        return redirect(flow.url("choose"))
    moment = parse_moment(source.get("tijd", ""))
    if moment is None:
        messages.error(request, _("Kies een van de tijden uit de lijst."))
        return redirect(flow.url("slots", vestiging=office.pk, soort=kind.pk))
    clashes = _clashes_for(flow, office, kind, moment) if flow.by_staff else []
    form_class = StaffConfirmForm if flow.by_staff else ConfirmForm
    extra = {"clashes": clashes} if flow.by_staff else {}
    initial = {"vestiging": office.pk, "soort": kind.pk, "tijd": moment.isoformat()}
    form = form_class(request.POST or None, initial=initial, **extra)
    alternatives = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointment = actions.book(
                client=flow.client,
                office=data["vestiging"],
                kind=data["soort"],
                starts_at=data["tijd"],
                user=request.user,
                override_reason=data.get("override_reason", ""),
                submission_token=data["submission_token"],
            )
        except SlotTaken as error:
            show_validation_error(form, error)
            alternatives = queries.alternatives_for(
                error, flow.client, office, kind, for_staff=flow.by_staff
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            if flow.by_staff:
                messages.success(request, _("De afspraak is gemaakt en staat op de tijdlijn."))
                return redirect("appointments:staff_detail", pk=appointment.pk)
            messages.success(request, _("Uw afspraak is gemaakt."))
            return redirect("appointments:detail", pk=appointment.pk)
    context = {
        "flow": flow,
        "form": form,
        "office": office,
        "kind": kind,
        "moment": timezone.localtime(moment, zone()),
        "ends": timezone.localtime(moment + timedelta(minutes=kind.duration_minutes), zone()),
        "staff": queries.staff_for_slot(flow.client, office, kind, moment),
        "clashes": clashes,
        "alternative_days": alternatives,
        "hidden": {"vestiging": office.pk, "soort": kind.pk},
        "slots_url": flow.url("slots", vestiging=office.pk, soort=kind.pk),
    }
    return render(request, "appointments/confirm.html", context)


# --- the client's own pages --------------------------------------------------------------------


@client_or_practice
@require_GET
def mine(request):
    flow = _client_flow(request)
    context = {
        "flow": flow,
        "upcoming": queries.upcoming_for_client(flow.client),
        "past": queries.past_for_client(flow.client),
    }
    return render(request, "appointments/mine.html", context)


@client_or_practice
@require_GET
def choose(request):
    return _choose(request, _client_flow(request))


@client_or_practice
@require_GET
def slots(request):
    return _slots(request, _client_flow(request))


@client_or_practice
@require_http_methods(["GET", "POST"])
def confirm(request):
    return _confirm(request, _client_flow(request))


def _own_appointment(request, pk: int) -> Appointment:
    """The client's own appointment; anyone else's is simply not found."""
    flow = _client_flow(request)
    return get_object_or_404(
        Appointment.objects.select_related("office", "type", "staff"), pk=pk, client=flow.client
    )


@client_or_practice
@require_GET
def detail(request, pk: int):
    appointment = _own_appointment(request, pk)
    changeable = (
        appointment.status == Appointment.Status.BOOKED and appointment.starts_at > timezone.now()
    )
    context = {
        "appointment": appointment,
        "changeable": changeable,
        "place": values.where_text(appointment),
    }
    return render(request, "appointments/detail.html", context)


@client_or_practice
@require_http_methods(["GET", "POST"])
def cancel(request, pk: int):
    appointment = _own_appointment(request, pk)
    if request.method == "POST":
        try:
            actions.cancel(appointment=appointment, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("appointments:detail", pk=appointment.pk)
        messages.success(request, _("Uw afspraak is geannuleerd."))
        return redirect("appointments:mine")
    context = {"appointment": appointment, "place": values.where_text(appointment)}
    return render(request, "appointments/cancel.html", context)


@client_or_practice
@require_http_methods(["GET", "POST"])
def move(request, pk: int):
    appointment = _own_appointment(request, pk)
    flow = Flow(appointment.client, by_staff=False)
    form = MoveForm(request.POST or None)
    alternatives = []
    if request.method == "POST" and form.is_valid():
        try:
            actions.move(
                appointment=appointment, starts_at=form.cleaned_data["tijd"], user=request.user
            )
        except SlotTaken as error:
            messages.error(request, " ".join(error.messages))
            alternatives = queries.alternatives_for(
                error, flow.client, appointment.office, appointment.type
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uw afspraak is verzet."))
            return redirect("appointments:detail", pk=appointment.pk)
    elif request.method == "POST":
        messages.error(request, _("Kies een van de tijden uit de lijst."))
    week = queries.slot_week(
        appointment.office, appointment.type, flow.client, _week(request), exclude=appointment
    )
    base = reverse("appointments:move", args=[appointment.pk])
    context = {
        "flow": flow,
        "appointment": appointment,
        "office": appointment.office,
        "kind": appointment.type,
        "week": week,
        "alternative_days": alternatives,
        "action": base,
        "method": "post",
        "hidden": {},
        "previous_url": f"{base}?week={week.previous}" if week.previous is not None else None,
        "next_url": f"{base}?week={week.next}" if week.next is not None else None,
    }
    return render(request, "appointments/slots.html", context)


# --- staff: booking for a client ----------------------------------------------------------------


def _with_staff_flow(handler):
    def view(request, pk: int):
        flow, response = _staff_flow(request, pk)
        return response if response is not None else handler(request, flow)

    return view


@staff(BOOK)
@require_GET
def staff_choose(request, pk: int):
    return _with_staff_flow(_choose)(request, pk)


@staff(BOOK)
@require_GET
def staff_slots(request, pk: int):
    return _with_staff_flow(_slots)(request, pk)


@staff(BOOK)
@require_http_methods(["GET", "POST"])
def staff_confirm(request, pk: int):
    return _with_staff_flow(_confirm)(request, pk)


# --- staff: agenda, one appointment, outcome ------------------------------------------------


# Agendas a decade away are typing mistakes (and the first and last dates overflow).
AGENDA_DAYS_AROUND_TODAY = 3660


def _day(request) -> date:
    today = timezone.localdate()
    try:
        day = date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        return today
    return day if abs((day - today).days) <= AGENDA_DAYS_AROUND_TODAY else today


def _plain_id(value) -> int | None:
    """A database id from a query parameter: ASCII digits only ("²" passes str.isdigit)."""
    value = str(value)
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def _agenda_staff(request) -> StaffMember:
    me = staff_of(request.user)
    wanted = _plain_id(request.GET.get("medewerker", ""))
    if wanted is None or wanted == me.pk:
        return me
    other = StaffMember.objects.filter(pk=wanted).first()
    if other is None or not rules.may_see_agenda_of(request.user, other):
        raise Http404
    return other


def _office_staff(user):
    me = staff_of(user)
    if not user.has_perm(MANAGE):
        return StaffMember.objects.filter(pk=me.pk)
    return (
        StaffMember.objects.active()
        .filter(offices__in=me.offices.all())
        .distinct()
        .order_by("surname", "first_name")
    )


@staff(AGENDA)
@require_GET
def agenda(request):
    person = _agenda_staff(request)
    day = _day(request)
    context = {
        "person": person,
        "day": day,
        "appointments": queries.day_agenda(person, day),
        "previous_day": (day - timedelta(days=1)).isoformat(),
        "next_day": (day + timedelta(days=1)).isoformat(),
        "colleagues": _office_staff(request.user) if request.user.has_perm(MANAGE) else [],
        "now": timezone.now(),
    }
    return render(request, "appointments/agenda.html", context)


def _handled_appointment(request, pk: int) -> Appointment:
    appointment = get_object_or_404(
        Appointment.objects.select_related("office", "type", "staff", "client"), pk=pk
    )
    require(rules.may_handle, request.user, appointment)
    return appointment


@staff(AGENDA)
@require_GET
def staff_detail(request, pk: int):
    appointment = _handled_appointment(request, pk)
    client_actions.record_file_view(
        user=request.user,
        client=appointment.client,
        reason=_("afspraak in de agenda"),
    )
    context = {
        "appointment": appointment,
        "place": values.where_text(appointment),
        "outcome_form": OutcomeForm(),
        "started": appointment.starts_at <= timezone.now(),
        "open": appointment.status == Appointment.Status.BOOKED,
    }
    return render(request, "appointments/staff_detail.html", context)


@staff(AGENDA)
@require_POST
def outcome(request, pk: int):
    appointment = _handled_appointment(request, pk)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een uitkomst."))
    else:
        try:
            actions.record_outcome(
                appointment=appointment,
                held=form.cleaned_data["uitkomst"] == "held",
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De uitkomst staat op de tijdlijn."))
    return redirect("appointments:staff_detail", pk=appointment.pk)


@staff(AGENDA)
@require_POST
def staff_cancel(request, pk: int):
    appointment = _handled_appointment(request, pk)
    try:
        actions.cancel(appointment=appointment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De afspraak is geannuleerd. De cliënt krijgt bericht."))
    return redirect("appointments:staff_detail", pk=appointment.pk)


# --- staff: availability ----------------------------------------------------------------------


def _availability_context(request, person, block_form=None, absence_form=None):
    me = staff_of(request.user)
    manager = request.user.has_perm(MANAGE)
    staff_choices = [(s.pk, s.full_name) for s in _office_staff(request.user)]
    office_choices = [(o.pk, o.name) for o in me.offices.order_by("name")]
    return {
        "person": person,
        "manager": manager,
        "blocks": Availability.objects.filter(staff=person).select_related("office"),
        "absences": Absence.objects.filter(staff=person, ends_at__gte=timezone.now()),
        "colleagues": _office_staff(request.user) if manager else [],
        "block_form": block_form
        or AvailabilityForm(
            staff_choices=staff_choices,
            office_choices=office_choices,
            initial={"medewerker": person.pk},
        ),
        "absence_form": absence_form
        or AbsenceForm(staff_choices=staff_choices, initial={"medewerker": person.pk}),
    }


@staff(AGENDA)
@require_GET
def availability(request):
    person = _agenda_staff(request)
    return render(request, "appointments/availability.html", _availability_context(request, person))


def _manageable_staff(request, pk) -> StaffMember:
    person = StaffMember.objects.filter(pk=wanted).first() if (wanted := _plain_id(pk)) else None
    require(rules.may_manage_availability, request.user, person)
    return person


def _add_to_agenda(request, form_name: str, form, add, done: str):
    """Add a block or an absence from a posted form for the staff member it names: back to that
    person's availability with ``done`` said, or the page again (400) with the errors."""
    person = staff_of(request.user)
    if form.is_valid():
        data = form.cleaned_data
        person = _manageable_staff(request, data["medewerker"])
        try:
            add(person, data)
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect(reverse("appointments:availability") + f"?medewerker={person.pk}")
    context = _availability_context(request, person, **{form_name: form})
    return render(request, "appointments/availability.html", context, status=400)


@staff(MANAGE)
@require_POST
def availability_add(request):
    me = staff_of(request.user)
    staff_choices = [(s.pk, s.full_name) for s in _office_staff(request.user)]
    office_choices = [(o.pk, o.name) for o in me.offices.order_by("name")]
    form = AvailabilityForm(
        request.POST, staff_choices=staff_choices, office_choices=office_choices
    )
    return _add_to_agenda(
        request,
        "block_form",
        form,
        lambda person, data: actions.add_availability(
            staff_member=person,
            office=Office.objects.get(pk=data["vestiging"]),
            weekday=data["dag"],
            starts=data["van"],
            ends=data["tot"],
            valid_from=data["geldig_vanaf"],
            valid_until=data["geldig_tot"],
            user=request.user,
        ),
        _("De beschikbaarheid is toegevoegd."),
    )


@staff(MANAGE)
@require_POST
def availability_remove(request, pk: int):
    block = get_object_or_404(Availability.objects.select_related("staff", "office"), pk=pk)
    actions.remove_availability(block=block, user=request.user)
    messages.success(request, _("De beschikbaarheid is verwijderd."))
    return redirect(reverse("appointments:availability") + f"?medewerker={block.staff_id}")


@staff(MANAGE)
@require_POST
def absence_add(request):
    staff_choices = [(s.pk, s.full_name) for s in _office_staff(request.user)]
    form = AbsenceForm(request.POST, staff_choices=staff_choices)
    return _add_to_agenda(
        request,
        "absence_form",
        form,
        lambda person, data: actions.add_absence(
            staff_member=person,
            starts_at=data["van"],
            ends_at=data["tot"],
            reason=data["omschrijving"],
            user=request.user,
        ),
        _("De afwezigheid is toegevoegd."),
    )


@staff(MANAGE)
@require_POST
def absence_remove(request, pk: int):
    absence = get_object_or_404(Absence.objects.select_related("staff"), pk=pk)
    actions.remove_absence(absence=absence, user=request.user)
    messages.success(request, _("De afwezigheid is verwijderd."))
    return redirect(reverse("appointments:availability") + f"?medewerker={absence.staff_id}")
