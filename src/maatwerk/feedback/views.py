"""Client pages (/mijn/reacties/, /mijn/complimenten/) and staff pages (/werk/reacties/,
/werk/complimenten/, /werk/spiegelgesprekken/). A client only ever sees their own inputs;
an item's page is for its owner and the managers of its office."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import require, staff_of
from maatwerk.clients.models import Client
from maatwerk.core import disclosure
from maatwerk.core.dates import long_date
from maatwerk.core.forms import show_validation_error
from maatwerk.organisation.models import StaffMember
from maatwerk.portal.rules import portal_client

from . import actions, queries, rules
from .forms import (
    AnswerForm,
    ClientSearchForm,
    ComplimentForm,
    DeadlineForm,
    FeedbackForm,
    PointForm,
    PointStatusForm,
    ReassignForm,
    SessionForm,
    StaffFeedbackForm,
    StaffSearchForm,
)
from .models import FeedbackItem, ImprovementPoint
from .scrub import Scrubbed

PAGE_SIZE = 25
ANSWER = "feedback.answer_feedback"
MANAGE = "feedback.manage_office_feedback"
RECORD = "feedback.record_sessions"


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))


# Client pages


@client_or_practice
@require_GET
def client_overview(request):
    client = portal_client(request)
    context = {
        "client": client,
        "items": queries.items_for_client(client)[:50],
        "compliments": queries.compliments_by_client(client)[:50],
    }
    return render(request, "feedback/client_overview.html", context)


@client_or_practice
@require_http_methods(["GET", "POST"])
def client_new(request):
    client = portal_client(request)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = actions.submit_feedback(
                client=client,
                kind=data["kind"],
                text=data["text"],
                wants_answer=data["wants_answer"],
                token=data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Dank u wel. Wij hebben uw reactie ontvangen."))
            return redirect("feedback:client_item", pk=item.pk)
    return render(request, "feedback/client_new.html", {"form": form})


@client_or_practice
@require_GET
def client_item(request, pk: int):
    client = portal_client(request)
    # Someone else's item does not exist for this client.
    item = get_object_or_404(FeedbackItem.objects.select_related("owner"), pk=pk, client=client)
    return render(request, "feedback/client_item.html", {"item": item})


def _compliment_choices(client, request):
    """Whom the page offers: the client's contacts, plus office staff found by name (or the one
    chosen in a POST). The action checks the choice again."""
    ids = set(queries.contacts_of(client).values_list("pk", flat=True))
    search = StaffSearchForm(request.GET or None)
    found = []
    if search.is_valid():
        found = queries.search_office_staff(client, search.cleaned_data["naam"])
        ids.update(s.pk for s in found)
    posted = request.POST.get("staff", "")
    if posted.isdigit() and queries.office_staff(client).filter(pk=int(posted)).exists():
        ids.add(int(posted))
    choices = StaffMember.objects.filter(pk__in=ids).order_by("first_name", "surname", "pk")
    return search, found, choices


@client_or_practice
@require_http_methods(["GET", "POST"])
def compliment_new(request):
    client = portal_client(request)
    search, found, choices = _compliment_choices(client, request)
    form = ComplimentForm(
        request.POST or None,
        staff_choices=choices,
        initial={"staff": found[0].pk} if len(found) == 1 else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.give_compliment(
                client=client,
                staff=data["staff"],
                text=data["text"],
                anonymous=data["anonymous"],
                token=data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Dank u wel voor uw compliment. %(name)s krijgt er bericht van.")
                % {"name": data["staff"].first_name},
            )
            return redirect("feedback:client_overview")
    context = {
        "form": form,
        "search": search,
        "found": found,
        "searched": search.is_valid() and bool(search.cleaned_data["naam"]),
        "has_choices": choices.exists(),
    }
    return render(request, "feedback/compliment_new.html", context)


# Staff: compliments


@staff()
@require_GET
def my_compliments(request):
    me = staff_of(request.user)
    page = _page(request, queries.compliments_for(me))
    return render(request, "feedback/my_compliments.html", {"page": page})


@staff("feedback.view_office_compliments")
@require_GET
def office_compliments(request):
    page = _page(request, queries.office_compliments(request.user))
    return render(request, "feedback/office_compliments.html", {"page": page})


# Staff: feedback


@staff(ANSWER)
@require_GET
def staff_list(request):
    me = staff_of(request.user)
    today = timezone.localdate()
    page = _page(request, queries.owned_items(me))
    context = {"page": page, "today": today}
    return render(request, "feedback/staff_list.html", context)


@staff(ANSWER)
@require_GET
def staff_record_choose(request):
    """Find the client for whom an input came in by phone, letter, e-mail or at the desk."""
    search = ClientSearchForm(request.GET or None)
    found = []
    if search.is_valid():
        found = queries.clients_in_reach(request.user, search.cleaned_data["naam"])
    context = {
        "search": search,
        "found": found,
        "searched": search.is_valid() and bool(search.cleaned_data["naam"]),
    }
    return render(request, "feedback/staff_record_choose.html", context)


def _received_at(day):
    """The moment an input came in, from the day the staff member gave (today: now)."""
    if day is None or day >= timezone.localdate():
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


@staff(ANSWER)
@require_http_methods(["GET", "POST"])
def staff_record(request, client_pk: int):
    """Reactie vastleggen namens cliënt: an input by phone, letter, e-mail or at the desk."""
    client = get_object_or_404(Client, pk=client_pk)
    require(rules.may_record_for, request.user, client)
    form = StaffFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day = data["received_on"]
        try:
            if day is not None and day > timezone.localdate():
                raise ValidationError(
                    {"received_on": _("Een reactie kan niet in de toekomst binnenkomen.")}
                )
            item = actions.record_for_client(
                client=client,
                by_user=request.user,
                kind=data["kind"],
                text=data["text"],
                received_via=data["received_via"],
                wants_answer=data["wants_answer"],
                token=data["submission_token"],
                received_at=_received_at(day),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "received_at" in error.error_dict:
                error = ValidationError({"received_on": error.error_dict["received_at"]})
            show_validation_error(form, error)
        else:
            if item.owner_id is not None:
                messages.success(
                    request,
                    _("De reactie is vastgelegd. %(name)s behandelt haar, uiterlijk %(date)s.")
                    % {"name": item.owner.full_name, "date": long_date(item.deadline)},
                )
            else:
                messages.success(request, _("De reactie is vastgelegd."))
            if rules.may_view_item(request.user, item):
                return redirect("feedback:staff_item", pk=item.pk)
            return redirect("clients:file", pk=client.pk)
    return render(request, "feedback/staff_record.html", {"form": form, "client": client})


@staff(MANAGE)
@require_GET
def office_overview(request):
    today = timezone.localdate()
    own_offices = set(staff_of(request.user).offices.values_list("pk", flat=True))
    rows = queries.office_overview(today, first=own_offices)
    for row in rows:
        row["own"] = row["pk"] in own_offices
    context = {
        "rows": rows,
        "items": queries.open_items_of_offices(request.user),
        "today": today,
        "min_group": disclosure.min_group_size(),
    }
    return render(request, "feedback/office_overview.html", context)


def _item_for_staff(request, pk: int) -> FeedbackItem:
    item = get_object_or_404(
        FeedbackItem.objects.select_related("client", "office", "owner"), pk=pk
    )
    require(rules.may_view_item, request.user, item)
    return item


def _refused(request, form, error: ValidationError, item):
    """A field error goes back on the form; a refusal of the whole change (not yours, answered
    already, no right) is said on top of the item's page."""
    if hasattr(error, "error_dict"):
        show_validation_error(form, error)
        return None
    messages.error(request, " ".join(error.messages))
    return redirect("feedback:staff_item", pk=item.pk)


def _item_page(request, item, *, answer_form=None, reassign_form=None, deadline_form=None):
    me = staff_of(request.user)
    may_manage = rules.may_manage(request.user, item)
    is_owner = item.owner_id == me.pk
    open_for_changes = item.status != FeedbackItem.Status.ANSWERED
    context = {
        "item": item,
        "overdue": item.is_overdue(),
        "history": item.history.select_related("owner", "by_staff"),
        "is_owner": is_owner,
        "may_manage": may_manage and open_for_changes and item.wants_answer,
        "answer_form": answer_form or (AnswerForm() if is_owner and open_for_changes else None),
        "reassign_form": reassign_form or ReassignForm(owners=queries.owner_choices(item)),
        "deadline_form": deadline_form or DeadlineForm(initial={"deadline": item.deadline}),
    }
    return render(request, "feedback/staff_item.html", context)


@staff()
@require_GET
def staff_item(request, pk: int):
    return _item_page(request, _item_for_staff(request, pk))


@staff()
@require_POST
def staff_start(request, pk: int):
    item = _item_for_staff(request, pk)
    try:
        actions.start_handling(item=item, by_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De cliënt ziet nu dat je reactie in behandeling is."))
    return redirect("feedback:staff_item", pk=item.pk)


def _change_item(request, item, form_name: str, form, change, done: str):
    """Make one change to the item from a posted form: back to the item with ``done`` said, or
    the item's page again with the form's errors (or the refusal said on top)."""
    if form.is_valid():
        try:
            change(form.cleaned_data)
        except ValidationError as error:
            refused = _refused(request, form, error, item)
            if refused:
                return refused
        else:
            messages.success(request, done)
            return redirect("feedback:staff_item", pk=item.pk)
    return _item_page(request, item, **{form_name: form})


@staff()
@require_POST
def staff_answer(request, pk: int):
    item = _item_for_staff(request, pk)
    return _change_item(
        request,
        item,
        "answer_form",
        AnswerForm(request.POST),
        lambda data: actions.answer_feedback(item=item, by_user=request.user, text=data["answer"]),
        _("Je antwoord is verstuurd. De cliënt ziet het in het portaal."),
    )


@staff(MANAGE)
@require_POST
def staff_reassign(request, pk: int):
    item = _item_for_staff(request, pk)
    return _change_item(
        request,
        item,
        "reassign_form",
        ReassignForm(request.POST, owners=queries.owner_choices(item)),
        lambda data: actions.reassign_owner(
            item=item, new_owner=data["new_owner"], by_user=request.user, reason=data["reason"]
        ),
        _("De reactie heeft een nieuwe eigenaar."),
    )


@staff(MANAGE)
@require_POST
def staff_deadline(request, pk: int):
    item = _item_for_staff(request, pk)
    return _change_item(
        request,
        item,
        "deadline_form",
        DeadlineForm(request.POST),
        lambda data: actions.change_deadline(
            item=item, deadline=data["deadline"], by_user=request.user, reason=data["reason"]
        ),
        _("De nieuwe datum staat vast. De cliënt ziet hem."),
    )


# Staff: mirror conversations and dialogue sessions


@staff(RECORD)
@require_GET
def session_list(request):
    page = _page(request, queries.sessions(request.user))
    return render(request, "feedback/session_list.html", {"page": page})


@staff(RECORD)
@require_http_methods(["GET", "POST"])
def session_new(request):
    me = staff_of(request.user)
    form = SessionForm(
        request.POST or None,
        initial={"office": me.offices.order_by("name").first(), "held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session, found = actions.record_session(
                by_user=request.user,
                kind=data["kind"],
                held_on=data["held_on"],
                office=data["office"],
                topic=data["topic"],
                notes=data["notes"],
                counts={name: data[name] for name in actions.COUNT_FIELDS},
                token=data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("De sessie is vastgelegd. Voeg nu de verbeterpunten toe."))
            if found:
                messages.warning(
                    request,
                    _("Uit de tekst zijn persoonsgegevens weggehaald: %(what)s.")
                    % {"what": Scrubbed("", found).describe()},
                )
            return redirect("feedback:session_detail", pk=session.pk)
    return render(request, "feedback/session_new.html", {"form": form})


def _session_page(request, session, point_form=None):
    context = {
        "session": session,
        "points": session.points.select_related("owner"),
        "point_form": point_form or PointForm(owners=queries.point_owner_choices(session)),
    }
    return render(request, "feedback/session_detail.html", context)


@staff(RECORD)
@require_GET
def session_detail(request, pk: int):
    session = get_object_or_404(queries.sessions(request.user), pk=pk)
    return _session_page(request, session)


@staff(RECORD)
@require_POST
def point_add(request, pk: int):
    session = get_object_or_404(queries.sessions(request.user), pk=pk)
    form = PointForm(request.POST, owners=queries.point_owner_choices(session))
    if form.is_valid():
        try:
            actions.add_improvement_point(
                session=session,
                by_user=request.user,
                text=form.cleaned_data["text"],
                owner=form.cleaned_data["owner"],
                council_advice_ref=form.cleaned_data["council_advice_ref"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Het verbeterpunt is toegevoegd."))
            return redirect("feedback:session_detail", pk=session.pk)
    return _session_page(request, session, point_form=form)


@staff()
@require_http_methods(["GET", "POST"])
def point_detail(request, pk: int):
    point = get_object_or_404(
        ImprovementPoint.objects.select_related("session__office", "owner"), pk=pk
    )
    require(rules.may_update_point, request.user, point)
    form = PointStatusForm(request.POST or None, initial={"status": point.status})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_point_status(
                point=point,
                by_user=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("De status is bijgewerkt."))
            return redirect("feedback:point_detail", pk=point.pk)
    context = {
        "point": point,
        "form": form,
        "history": point.history.select_related("owner", "by_staff"),
        "may_see_session": request.user.has_perm(RECORD),
    }
    return render(request, "feedback/point_detail.html", context)


@staff()
@require_GET
def my_points(request):
    me = staff_of(request.user)
    points = (
        ImprovementPoint.objects.filter(owner=me)
        .select_related("session__office")
        .order_by(
            # Open work first.
            "status",
            "-created_at",
        )
    )
    return render(request, "feedback/my_points.html", {"page": _page(request, points)})
