from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import may_give_reason, require, staff_of
from maatwerk.clients import access_grants
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import page_ground
from maatwerk.clients.forms import AccessReasonForm
from maatwerk.core import starting_text
from maatwerk.core.forms import show_validation_error
from maatwerk.portal.queries import current_client

from . import actions, queries
from .conf import app_settings
from .forms import ClientMessageForm, HandOverForm, InboxFilterForm, NewThreadForm, StaffReplyForm
from .models import Attachment, FollowUp, Thread
from .rules import (
    ANSWER,
    colleagues_for,
    ground_text,
    may_answer,
    may_hand_over,
    may_take,
    thread_access,
)

PAGE_SIZE = 25


def _uploads(form) -> list:
    upload = form.cleaned_data.get("attachment")
    return [upload] if upload else []


def _download(attachment: Attachment) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Client pages


def _own_thread(client, pk: int) -> Thread:
    """A thread of this client, or 404 (someone else's thread does not exist for them)."""
    return get_object_or_404(Thread.objects.select_related("client"), pk=pk, client=client)


@client_or_practice
@require_GET
def client_inbox(request):
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    page = Paginator(queries.threads_for_client(client), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    context = {
        "client": client,
        "page": page,
        "adviser": queries.contact_person(client),
        "response_days": app_settings.MESSAGING_RESPONSE_WORKING_DAYS,
    }
    return render(request, "messaging/client_inbox.html", context)


@client_or_practice
@require_http_methods(["GET", "POST"])
def client_new(request):
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    form = NewThreadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = actions.send_client_message(
                client=client,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                attachments=_uploads(form),
                token=form.cleaned_data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect("messaging:client_thread", pk=message.thread_id)
    context = {"client": client, "form": form, "adviser": queries.contact_person(client)}
    return render(request, "messaging/client_new.html", context)


@client_or_practice
@require_http_methods(["GET", "POST"])
def client_thread(request, pk: int):
    client = current_client(request)
    if client is None:
        return redirect("core:home")
    thread = _own_thread(client, pk)
    form = ClientMessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.send_client_message(
                client=client,
                thread=thread,
                body=form.cleaned_data["body"],
                attachments=_uploads(form),
                token=form.cleaned_data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect("messaging:client_thread", pk=thread.pk)
    context = {
        "client": client,
        "thread": thread,
        "thread_messages": queries.messages_of(thread),
        "adviser": queries.contact_person(client),
        "form": form,
    }
    return render(request, "messaging/client_thread.html", context)


@client_or_practice
@require_GET
def client_attachment(request, pk: int, attachment_pk: int):
    client = current_client(request)
    if client is None:
        raise Http404
    thread = _own_thread(client, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, message__thread=thread)
    return _download(attachment)


# Staff pages


@staff(ANSWER)
@require_GET
def inbox(request):
    me = staff_of(request.user)
    form = InboxFilterForm(request.GET or None)
    box, status = queries.TO_ANSWER, queries.ALL
    if form.is_valid():
        box = form.cleaned_data["lijst"] or queries.TO_ANSWER
        status = form.cleaned_data["status"] or queries.ALL
    threads = queries.inbox(me, box, status)
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("pagina"))
    kept = QueryDict(mutable=True)
    kept.update({k: v for k, v in request.GET.items() if k in {"lijst", "status"} and v})
    context = {
        "form": form,
        "box": box,
        "page": page,
        "today": timezone.localdate(),
        "query_string": kept.urlencode(),
    }
    return render(request, "messaging/inbox.html", context)


def _open_thread(request, thread: Thread) -> str | None:
    """The ground for reading this thread, or None when a reason must be given first."""
    access = thread_access(request.user, thread)
    return page_ground(
        request, thread.client, access, implied=ground_text(request.user, thread, access)
    )


def _staff_thread(pk: int) -> Thread:
    return get_object_or_404(
        Thread.objects.select_related("client", "client__office", "assigned_to"), pk=pk
    )


@staff(ANSWER)
@require_http_methods(["GET", "POST"])
def staff_thread(request, pk: int):
    thread = _staff_thread(pk)
    reason = _open_thread(request, thread)
    if reason is None:
        return redirect("messaging:access_reason", pk=thread.pk)
    me = staff_of(request.user)
    options = starting_text.offered(thread, me)
    if request.method == "POST":
        form = StaffReplyForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                actions.reply(
                    thread=thread,
                    author=me,
                    body=form.cleaned_data["body"],
                    attachments=_uploads(form),
                    token=form.cleaned_data["submission_token"],
                )
            except ValidationError as error:
                show_validation_error(form, error)
            else:
                messages.success(request, _("Je antwoord is verstuurd, met je naam en functie."))
                return redirect("messaging:staff_thread", pk=thread.pk)
    else:
        key = request.GET.get(starting_text.PARAMETER)
        form = StaffReplyForm(initial={"body": starting_text.chosen(options, key)})
        actions.record_thread_view(user=request.user, thread=thread, reason=reason)
    context = {
        "thread": thread,
        "client": thread.client,
        "thread_messages": queries.messages_of(thread),
        "contact_person": queries.contact_person(thread.client),
        "history": queries.assignment_history(thread),
        "follow_ups": queries.open_follow_ups(thread),
        "overdue": queries.is_overdue(thread),
        "me": me,
        "form": form,
        "starting_texts": options,
        "starting_text_parameter": starting_text.PARAMETER,
        "may_answer": may_answer(request.user),
        "may_take": thread.assigned_to_id is None and may_take(request.user, thread),
        "may_hand_over": may_hand_over(request.user, thread),
        "access_reason": reason,
    }
    return render(request, "messaging/staff_thread.html", context)


@staff(ANSWER, "access.view_client_with_reason")
@require_http_methods(["GET", "POST"])
def access_reason(request, pk: int):
    thread = _staff_thread(pk)
    access = thread_access(request.user, thread)
    if access.allowed:
        return redirect("messaging:staff_thread", pk=thread.pk)
    require(may_give_reason, access)
    form = AccessReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        try:
            client_actions.give_access_reason(
                user=request.user, client=thread.client, reason=reason
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            access_grants.grant(request.session, thread.client_id, reason)
            return redirect("messaging:staff_thread", pk=thread.pk)
    return render(
        request,
        "messaging/access_reason.html",
        {"thread": thread, "client": thread.client, "form": form},
    )


@staff(ANSWER)
@require_POST
def take(request, pk: int):
    thread = _staff_thread(pk)
    require(may_take, request.user, thread)
    try:
        actions.take(thread=thread, by_staff=staff_of(request.user))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("messaging:inbox")
    messages.success(request, _("Het bericht staat nu op jouw naam."))
    return redirect("messaging:staff_thread", pk=thread.pk)


@staff(ANSWER)
@require_http_methods(["GET", "POST"])
def hand_over(request, pk: int):
    thread = _staff_thread(pk)
    require(may_hand_over, request.user, thread)
    if _open_thread(request, thread) is None:
        return redirect("messaging:access_reason", pk=thread.pk)
    me = staff_of(request.user)
    colleagues = colleagues_for(thread).exclude(pk=thread.assigned_to_id or 0)
    form = HandOverForm(request.POST or None, colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        to_staff = form.cleaned_data["to_staff"]
        try:
            actions.hand_over(
                thread=thread, to_staff=to_staff, by_staff=me, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s beantwoordt dit bericht nu.") % {"name": to_staff.full_name},
            )
            if _open_thread_silently(request, thread):
                return redirect("messaging:staff_thread", pk=thread.pk)
            return redirect("messaging:inbox")
    return render(request, "messaging/hand_over.html", {"thread": thread, "form": form})


def _open_thread_silently(request, thread: Thread) -> bool:
    thread.refresh_from_db()
    try:
        return _open_thread(request, thread) is not None
    except PermissionDenied:
        return False


@staff(ANSWER)
@require_GET
def staff_attachment(request, pk: int, attachment_pk: int):
    thread = _staff_thread(pk)
    reason = _open_thread(request, thread)
    if reason is None:
        return redirect("messaging:access_reason", pk=thread.pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, message__thread=thread)
    actions.record_thread_view(user=request.user, thread=thread, reason=reason)
    return _download(attachment)


@staff(ANSWER)
@require_POST
def complete_follow_up(request, pk: int):
    follow_up = get_object_or_404(FollowUp.objects.select_related("thread__client"), pk=pk)
    me = staff_of(request.user)
    if follow_up.staff_id != me.pk and _open_thread(request, follow_up.thread) is None:
        return redirect("messaging:access_reason", pk=follow_up.thread_id)
    actions.complete_follow_up(follow_up=follow_up, by_staff=me)
    messages.success(request, _("De vervolgtaak is afgerond."))
    return redirect("messaging:staff_thread", pk=follow_up.thread_id)
