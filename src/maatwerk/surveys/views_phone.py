"""Staff pages: short questions after a contact, answered by the client by phone. The staff
member reads the questions aloud and types in the client's answers; the response is marked as
entered by staff (``Response.entered_by``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from maatwerk.access.decorators import staff
from maatwerk.access.rules import client_access, require, staff_of
from maatwerk.clients.models import Client
from maatwerk.core.forms import show_validation_error

from . import actions, logic, rules
from .forms import AnswerForm
from .models import ContactQuestion, Survey


def _client_in_reach(user, client) -> bool:
    return client_access(user, client).allowed


@staff()
@require_GET
def contact_phone_list(request, client_pk: int):
    client = get_object_or_404(Client, pk=client_pk)
    require(_client_in_reach, request.user, client)
    me = staff_of(request.user)
    questions = (
        ContactQuestion.objects.filter(
            client=client,
            answered_at__isnull=True,
            expires_at__gt=timezone.now(),
            survey__status=Survey.Status.PUBLISHED,
        )
        .select_related("survey", "staff", "event")
        .order_by("expires_at", "pk")
    )
    context = {"client": client, "questions": questions, "me": me}
    return render(request, "surveys/contact_phone_list.html", context)


@staff()
@require_http_methods(["GET", "POST"])
def contact_phone(request, question_pk: int):
    question = get_object_or_404(
        ContactQuestion.objects.select_related("survey", "staff", "event", "client"),
        pk=question_pk,
    )
    require(rules.may_enter_contact_answers, request.user, question)
    back = redirect("surveys:contact_phone_list", client_pk=question.client_id)
    if question.answered_at is not None:
        messages.info(request, _("Deze vragen zijn al beantwoord."))
        return back
    if question.expires_at <= timezone.now() or question.survey.status != Survey.Status.PUBLISHED:
        messages.error(request, _("Deze vragen zijn verlopen. Er is niets opgeslagen."))
        return back
    structure = logic.load(question.survey)
    questions = logic.all_shown_questions(structure, {})
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        answers = {k: v for k, v in form.answers().items() if v is not None}
        try:
            actions.enter_contact_answers_by_phone(
                question=question, by_user=request.user, answers=answers
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("De antwoorden van de cliënt zijn opgeslagen."))
            return back
    context = {
        "question": question,
        "title": question.survey.title,
        "form": form,
        "rows": form.rows(),
    }
    return render(request, "surveys/contact_phone.html", context)
