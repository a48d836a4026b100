"""Interviews at an office on a tablet (/interview/). The tablet is logged in as the staff or
council member who opened the session; the interviewed client does not log in.

With JavaScript (static/surveys/interview.js) every interview is kept in the browser's
localStorage under a UUID made on the tablet and sent to ``sync`` as JSON once online; the
server stores each key once. Without JavaScript the form posts normally.
"""

import json
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maatwerk.access.decorators import staff
from maatwerk.access.rules import staff_of

from . import actions, logic
from .forms import AnswerForm, SessionForm
from .models import InterviewSession, Question

INTERVIEW = "surveys.conduct_interview"
MAX_BODY = 200_000


def _own_session(request, session_pk: int) -> InterviewSession:
    session = get_object_or_404(
        InterviewSession.objects.select_related("survey", "office"), pk=session_pk
    )
    if session.opened_by_id != staff_of(request.user).pk:
        raise Http404
    return session


@require_http_methods(["GET", "POST"])
@staff(INTERVIEW)
def interviews(request):
    me = staff_of(request.user)
    form = SessionForm(request.POST or None, staff=me)
    if request.method == "POST" and form.is_valid():
        try:
            session = actions.open_session(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            from maatwerk.core.forms import show_validation_error

            show_validation_error(form, error)
        else:
            return redirect("surveys:session", session_pk=session.pk)
    sessions = InterviewSession.objects.filter(opened_by=me, closed_at__isnull=True).select_related(
        "survey", "office"
    )
    return render(
        request,
        "surveys/interviews.html",
        {
            "form": form,
            "sessions": sessions,
            "has_surveys": form.fields["survey"].queryset.exists(),
        },
    )


def _raw_answers(data, structure) -> dict:
    raw = {}
    for question in structure.questions:
        if question.kind == Question.Kind.MULTIPLE:
            values = data.getlist(question.code)
            if values:
                raw[question.code] = values
        elif question.code in data:
            raw[question.code] = data.get(question.code)
    return raw


@require_http_methods(["GET", "POST"])
@staff(INTERVIEW)
def session(request, session_pk: int):
    session = _own_session(request, session_pk)
    structure = logic.load(session.survey)
    form = AnswerForm(request.POST or None, questions=structure.questions)
    if request.method == "POST" and session.closed_at is None:
        try:
            key = uuid.UUID(request.POST.get("key", ""))
        except ValueError:
            key = uuid.uuid4()
        try:
            actions.record_interview(
                session=session,
                key=key,
                raw_answers=_raw_answers(request.POST, structure),
                user=request.user,
            )
        except ValidationError as error:
            form._errors, form.cleaned_data = ErrorDict(), {}
            if hasattr(error, "error_dict"):
                for code, problems in error.message_dict.items():
                    form.add_error(code if code in form.fields else None, problems)
            else:
                form.add_error(None, error)
        else:
            messages.success(
                request, _("Het interview is opgeslagen. Je kunt het volgende beginnen.")
            )
            return redirect("surveys:session", session_pk=session.pk)
    for item in structure.pages + structure.questions:
        condition = structure.by_id.get(item.show_if_question_id)
        item.condition_code = condition.code if condition else ""
    pages = [
        (page, [(form[q.code], q) for q in structure.questions_on(page)])
        for page in structure.pages
    ]
    context = {
        "session": session,
        "survey": session.survey,
        "form": form,
        "pages": pages,
        "key": uuid.uuid4(),
        "count": session.responses.count(),
    }
    return render(request, "surveys/session.html", context)


def _error(message: str, status=400, **extra):
    return JsonResponse({"fout": message, **extra}, status=status)


@require_POST
@staff(INTERVIEW)
def sync(request, session_pk: int):
    """One interview as JSON: ``{"key": "<uuid>", "answers": {"code": value, ...}}``.

    201 with the new id; 200 with the same id when the key was stored before; 400 with a Dutch
    message (and one per question) when the payload is broken, so the tablet keeps its copy.
    """
    session = _own_session(request, session_pk)
    if len(request.body) > MAX_BODY:
        return _error(_("Dit interview is te groot om te versturen."), status=413)
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _error(_("Het interview kwam niet goed aan. Het blijft bewaard op dit apparaat."))
    if not isinstance(payload, dict):
        return _error(_("Het interview kwam niet goed aan. Het blijft bewaard op dit apparaat."))
    try:
        key = uuid.UUID(str(payload.get("key", "")))
    except ValueError:
        return _error(_("Het interview heeft geen geldige sleutel."))
    answers = payload.get("answers")
    if not isinstance(answers, dict):
        return _error(_("Het interview heeft geen antwoorden."))
    try:
        response, created = actions.record_interview(
            session=session, key=key, raw_answers=answers, user=request.user
        )
    except ValidationError as error:
        problems = error.message_dict if hasattr(error, "error_dict") else {}
        return _error(
            _("Niet alles in het interview is goed ingevuld. Het blijft bewaard op dit apparaat."),
            fouten=problems if problems else {"": error.messages},
        )
    if response.session_id != session.pk:
        return _error(_("Deze sleutel hoort bij een ander interview."), status=409)
    return JsonResponse(
        {"id": response.pk, "status": "opgeslagen" if created else "al ontvangen"},
        status=201 if created else 200,
    )


@require_POST
@staff(INTERVIEW)
def close(request, session_pk: int):
    session = _own_session(request, session_pk)
    actions.close_session(session=session, user=request.user)
    messages.success(request, _("De interviewsessie is gesloten."))
    return redirect("surveys:interviews")
