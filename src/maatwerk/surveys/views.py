"""Client pages (/mijn/vragenlijsten/): answering a survey page by page, and short questions
after a contact. A client only ever reaches their own response: it is found by survey and
client, never by its id."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from maatwerk.access.decorators import client_or_practice
from maatwerk.core.forms import show_validation_error
from maatwerk.portal.rules import portal_client

from . import actions, logic, queries
from .forms import AnswerForm
from .models import ContactQuestion, Response, Survey


def _survey(pk: int) -> Survey:
    """A client survey that is or was published; drafts do not exist for clients."""
    return get_object_or_404(
        Survey.objects.exclude(status=Survey.Status.DRAFT), pk=pk, kind=Survey.Kind.SURVEY
    )


def _response(survey, client) -> Response | None:
    return Response.objects.filter(
        survey=survey, client=client, contact_question__isnull=True
    ).first()


@require_GET
@client_or_practice
def mine(request):
    client = portal_client(request)
    responses = {
        r.survey_id: r
        for r in Response.objects.filter(
            client=client, contact_question__isnull=True
        ).select_related("survey")
    }
    surveys = [(s, responses.get(s.pk)) for s in queries.published_surveys()]
    done = [
        (r.survey, r)
        for r in responses.values()
        if r.completed_at and r.survey.status != Survey.Status.PUBLISHED
    ]
    context = {
        "surveys": surveys + done,
        "contact_questions": queries.pending_contact_questions(client),
    }
    return render(request, "surveys/mine.html", context)


@require_http_methods(["GET", "POST"])
@client_or_practice
def answer(request, survey_pk: int):
    """Start or resume. ``?uitnodiging=`` (the panel's invitation) is kept on the response."""
    client = portal_client(request)
    survey = _survey(survey_pk)
    response = _response(survey, client)
    token = request.POST.get("uitnodiging") or request.GET.get("uitnodiging", "")
    if response is not None and response.completed_at:
        return redirect("surveys:done", survey_pk=survey.pk)
    if survey.status != Survey.Status.PUBLISHED:
        return render(request, "surveys/closed.html", {"survey": survey}, status=410)
    if request.method == "POST":
        try:
            response = actions.start_response(
                survey=survey, client=client, invitation_token=token[:100]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("surveys:mine")
        return _go_on(survey, response)
    structure = logic.load(survey)
    context = {
        "survey": survey,
        "intro": logic.localised(survey, "intro"),
        "title": logic.localised(survey, "title"),
        "response": response,
        "question_count": len(structure.questions),
        "token": token[:100],
    }
    return render(request, "surveys/intro.html", context)


def _go_on(survey, response):
    structure = logic.load(survey)
    page = logic.first_page_to_answer(structure, response.answers, response.page_reached)
    if page is None:
        return redirect("surveys:review", survey_pk=survey.pk)
    return redirect("surveys:page", survey_pk=survey.pk, number=structure.page_index(page) + 1)


@require_http_methods(["GET", "POST"])
@client_or_practice
def page(request, survey_pk: int, number: int):
    client = portal_client(request)
    survey = _survey(survey_pk)
    response = _response(survey, client)
    if response is None:
        return redirect("surveys:answer", survey_pk=survey.pk)
    if response.completed_at:
        return redirect("surveys:done", survey_pk=survey.pk)
    if survey.status != Survey.Status.PUBLISHED:
        return render(request, "surveys/closed.html", {"survey": survey}, status=410)
    structure = logic.load(survey)
    if not 1 <= number <= len(structure.pages):
        raise Http404
    current = structure.pages[number - 1]
    shown = logic.shown_pages(structure, response.answers)
    if number - 1 > response.page_reached or current not in shown:
        # Not reached yet, or skipped by an earlier answer: back to where the client is.
        return _go_on(survey, response)
    questions = logic.shown_questions(structure, current, response.answers)
    form = AnswerForm(
        request.POST or None,
        questions=questions,
        initial=AnswerForm.initial_from(response.answers),
    )
    if request.method == "POST" and form.is_valid():
        try:
            response = actions.save_answers(response=response, page=current, answers=form.answers())
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            if request.POST.get("stoppen"):
                messages.success(
                    request,
                    _("Uw antwoorden zijn bewaard. U kunt later verdergaan waar u gebleven was."),
                )
                return redirect("surveys:mine")
            return _go_on(survey, response)
    index = shown.index(current)
    back = (
        reverse("surveys:page", args=[survey.pk, structure.page_index(shown[index - 1]) + 1])
        if index > 0
        else reverse("surveys:answer", args=[survey.pk])
    )
    context = {
        "survey": survey,
        "title": logic.localised(survey, "title"),
        "page_title": logic.localised(current, "title"),
        "form": form,
        "rows": form.rows(),
        "page_number": index + 1,
        "page_count": len(shown),
        "back_url": back,
    }
    return render(request, "surveys/page.html", context)


def _shown_answers(structure, answers: dict):
    rows = []
    for page_ in logic.shown_pages(structure, answers):
        for question in logic.shown_questions(structure, page_, answers):
            rows.append(
                {
                    "question": logic.localised(question, "text"),
                    "answer": display(question, answers.get(question.code)),
                    "number": structure.page_index(page_) + 1,
                }
            )
    return rows


def display(question, value) -> str:
    if value is None:
        return _("Niet ingevuld")
    if question.has_options:
        labels = {o.code: logic.localised(o, "label") for o in question.option_list}
        codes = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(code, code) for code in codes)
    if question.kind == "yes_no":
        return _("Ja") if value == logic.YES else _("Nee")
    return str(value)


@require_http_methods(["GET", "POST"])
@client_or_practice
def review(request, survey_pk: int):
    client = portal_client(request)
    survey = _survey(survey_pk)
    response = _response(survey, client)
    if response is None:
        return redirect("surveys:answer", survey_pk=survey.pk)
    if response.completed_at:
        return redirect("surveys:done", survey_pk=survey.pk)
    if survey.status != Survey.Status.PUBLISHED:
        return render(request, "surveys/closed.html", {"survey": survey}, status=410)
    structure = logic.load(survey)
    if request.method == "POST":
        try:
            actions.complete(response=response, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _go_on(survey, response)
        return redirect("surveys:done", survey_pk=survey.pk)
    missing = logic.missing_required(structure, logic.prune(structure, response.answers))
    if missing:
        return _go_on(survey, response)
    context = {
        "survey": survey,
        "title": logic.localised(survey, "title"),
        "rows": _shown_answers(structure, response.answers),
    }
    return render(request, "surveys/review.html", context)


@require_GET
@client_or_practice
def done(request, survey_pk: int):
    client = portal_client(request)
    survey = _survey(survey_pk)
    response = _response(survey, client)
    if response is None or response.completed_at is None:
        return redirect("surveys:answer", survey_pk=survey.pk)
    return render(
        request, "surveys/done.html", {"survey": survey, "title": logic.localised(survey, "title")}
    )


@require_http_methods(["GET", "POST"])
@client_or_practice
def contact(request, token: str):
    """A short question after a contact. A forged link or another client's link both read as
    'this link is not right'; an expired one says so; nothing is saved in either case."""
    client = portal_client(request)
    question = (
        ContactQuestion.objects.select_related("survey", "staff", "event")
        .filter(token=token, client=client)
        .first()
    )
    if question is None:
        return render(request, "surveys/link_problem.html", {"problem": "forged"}, status=404)
    if question.answered_at is not None:
        return render(request, "surveys/link_problem.html", {"problem": "answered"})
    if question.expires_at <= timezone.now():
        return render(request, "surveys/link_problem.html", {"problem": "expired"}, status=410)
    if question.survey.status != Survey.Status.PUBLISHED:
        return render(request, "surveys/link_problem.html", {"problem": "closed"}, status=410)
    structure = logic.load(question.survey)
    questions = logic.all_shown_questions(structure, {})
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        answers = {k: v for k, v in form.answers().items() if v is not None}
        try:
            actions.answer_contact_question(question=question, client=client, answers=answers)
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Dank u wel voor uw antwoord."))
            return redirect("surveys:mine")
    context = {
        "question": question,
        "title": logic.localised(question.survey, "title"),
        "form": form,
        "rows": form.rows(),
    }
    return render(request, "surveys/contact.html", context)
