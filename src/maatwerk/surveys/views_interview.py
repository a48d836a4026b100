"""Interviews at an office on a tablet (/interview/). The tablet is logged in as the staff or
council member who opened the session; the interviewed client does not log in.

With JavaScript (static/surveys/interview.js) every interview is kept in the browser's
localStorage under a UUID made on the tablet and sent to ``sync`` as JSON once online; the
server stores each key once. Without JavaScript the form posts normally.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, StrictStr
from pydantic import ValidationError as PydanticError

from maatwerk.access.decorators import staff
from maatwerk.access.rules import staff_of
from maatwerk.core import kiosk

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
    try:
        session = _own_session(request, session_pk)
    except Http404:
        if kiosk.locked_home(request) == request.path:
            # The locked session is gone: nothing left to hold the tablet to (and no loop).
            kiosk.unlock(request)
            return redirect("surveys:interviews")
        raise
    # From here the tablet is a kiosk (ADR 0039): it shows this form, its background sync and
    # its leave page until the staff member unlocks it.
    kiosk.lock(
        request,
        home="surveys:session",
        kwargs={"session_pk": session.pk},
        allowed={"surveys:sync", "surveys:kiosk_leave"},
    )
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
                request,
                _(
                    "Dank u wel! Uw antwoorden zijn opgeslagen. "
                    "Geef de tablet terug aan de medewerker."
                ),
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
    }
    return render(request, "surveys/session.html", context)


@require_http_methods(["GET", "POST"])
@staff(INTERVIEW)
def kiosk_leave(request, session_pk: int):
    """The staff member unlocks the tablet with their password (the shared flow in
    ``core.kiosk.leave``: a client holding the tablet does not know it, and guessing logs out)."""
    session = _own_session(request, session_pk)
    form, done = kiosk.leave(
        request,
        done="surveys:interviews",
        message=_("De tablet is vrijgegeven. Je ziet weer je eigen werk."),
    )
    if done:
        return done
    context = {
        "session": session,
        "survey": session.survey,
        "form": form,
        "count": session.responses.count(),
    }
    return render(request, "surveys/kiosk_leave.html", context)


def _error(message: str, status=400, **extra):
    return JsonResponse({"fout": message, **extra}, status=status)


# One answer as the tablet sends it: text, a whole number, a list of option codes, or nothing.
# Strict types: true is not 1 and "5" stays text, so ``logic.normalise`` sees what was sent.
RawAnswer = StrictStr | StrictInt | list[StrictStr] | None


class InterviewPayload(BaseModel):
    """The body of ``sync``, checked as JSON by pydantic: its parser limits nesting depth, so
    no body reaches Python's recursion limit."""

    model_config = ConfigDict(extra="forbid")

    key: uuid.UUID
    answers: dict[StrictStr, RawAnswer]
    # The tablet's clock when the interview was saved: an ISO time with its zone, not a number.
    answered_at: AwareDatetime | None = Field(default=None, strict=True)


def _payload_error(error: PydanticError) -> JsonResponse:
    first = error.errors()[0]
    field = first["loc"][0] if first["loc"] else ""
    if first["type"] == "json_invalid" or not first["loc"]:
        message = _("Het interview kwam niet goed aan. Het blijft bewaard op dit apparaat.")
    elif field == "key":
        message = _("Het interview heeft geen geldige sleutel.")
    elif field == "answers" and len(first["loc"]) == 1:
        message = _("Het interview heeft geen antwoorden.")
    elif field == "answers":
        message = _("Een antwoord in het interview heeft een verkeerde vorm.")
    elif field == "answered_at":
        message = _("Het tijdstip van het interview klopt niet.")
    else:
        message = _("Het interview bevat onbekende gegevens.")
    return _error(message)


def _body_too_large(request) -> bool:
    try:
        announced = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        announced = 0
    return announced > MAX_BODY


@require_POST
@staff(INTERVIEW)
def sync(request, session_pk: int):
    """One interview as JSON: ``{"key": "<uuid>", "answers": {"code": value, ...},
    "answered_at": "<ISO time on the tablet>"}``.

    201 with the new id; 200 with the same id when the key was stored before; 400 with a Dutch
    message (and one per question) when the payload is broken, 413 when it is too large, 409
    when the session or survey closed before it was recorded: the tablet keeps its copy.
    """
    session = _own_session(request, session_pk)
    too_large = _error(_("Dit interview is te groot om te versturen."), status=413)
    if _body_too_large(request):
        return too_large
    try:
        body = request.body
    except RequestDataTooBig:
        return too_large
    if len(body) > MAX_BODY:
        return too_large
    try:
        payload = InterviewPayload.model_validate_json(body)
    except PydanticError as error:
        return _payload_error(error)
    try:
        response, created = actions.record_interview(
            session=session,
            key=payload.key,
            raw_answers=payload.answers,
            user=request.user,
            answered_at=payload.answered_at,
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "closed":
            return _error(error.messages[0], status=409)
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
