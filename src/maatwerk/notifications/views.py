"""Pages about notifications: a letter in the client's "Mijn brieven", and for staff one
notification (print the letter, mark it posted, mark the call made) and the print queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import (
    client_access,
    may_list_clients,
    require,
    staff_of,
    visible_clients,
)
from maatwerk.portal.rules import portal_client

from . import actions, document, queries
from .models import Notification

# Printing, posting and calling about a client's notification: staff who send letters to clients.
SEND_LETTERS = "letters.send_letters"


def _pdf(notification: Notification) -> HttpResponse:
    response = HttpResponse(document.pdf_bytes(notification), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="brief-{notification.pk}.pdf"'
    return response


def _may_handle(user, notification: Notification) -> bool:
    return client_access(user, notification.client).allowed


def _for_staff(request, pk: int) -> Notification:
    notification = get_object_or_404(Notification.objects.select_related("client"), pk=pk)
    require(_may_handle, request.user, notification)
    return notification


@staff(SEND_LETTERS)
@require_GET
def staff_detail(request, pk: int):
    notification = _for_staff(request, pk)
    context = {"notification": notification, "client": notification.client}
    if notification.channel == Notification.Channel.LETTER:
        context |= document.context(notification)
    return render(request, "notifications/staff_detail.html", context)


@staff(SEND_LETTERS)
@require_GET
def staff_pdf(request, pk: int):
    notification = _for_staff(request, pk)
    if notification.channel != Notification.Channel.LETTER:
        return redirect("notifications:staff_detail", pk=pk)
    return _pdf(notification)


@staff(SEND_LETTERS)
@require_POST
def staff_done(request, pk: int):
    notification = _for_staff(request, pk)
    by_staff = staff_of(request.user)
    try:
        if request.POST.get("what") == "posted":
            actions.mark_posted(notification=notification, by_staff=by_staff)
            messages.success(request, _("De brief staat als verstuurd genoteerd."))
        else:
            actions.mark_called(notification=notification, by_staff=by_staff)
            messages.success(request, _("Het gesprek staat genoteerd."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("notifications:staff_detail", pk=pk)


@staff(SEND_LETTERS)
@require_GET
def print_queue(request):
    scope = "office" if may_list_clients(request.user, "office") else "own"
    context = {"letters": queries.print_queue(visible_clients(request.user, scope))}
    return render(request, "notifications/print_queue.html", context)


def _own(request, pk: int) -> Notification:
    # Someone else's letter is "not found": a client never learns it exists.
    return get_object_or_404(
        Notification, pk=pk, client=portal_client(request), channel=Notification.Channel.LETTER
    )


@client_or_practice
@require_GET
def mine_detail(request, pk: int):
    notification = _own(request, pk)
    context = document.context(notification) | {"notification": notification}
    return render(request, "notifications/mine_detail.html", context)


@client_or_practice
@require_GET
def mine_pdf(request, pk: int):
    return _pdf(_own(request, pk))
