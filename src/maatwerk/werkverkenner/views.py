"""Client pages (/mijn/werkverkenner/), the adviser's fill-in with a client, the work list and
the batch page. The client and the adviser use the same forms."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import client_access, require, visible_clients
from maatwerk.clients import actions as client_actions
from maatwerk.clients.file_access import open_client_file
from maatwerk.clients.models import Client
from maatwerk.core.forms import show_validation_error
from maatwerk.core.source_text import show
from maatwerk.portal.rules import portal_client

from . import actions, explain, queries, rules
from .conf import app_settings
from .forms import DecisionForm, PageForm
from .models import BatchRun, Score, TriageItem

TRIAGE = rules.TRIAGE
MANAGE = "access.manage_models"


@dataclass
class Filler:
    """Who fills in for whom: the client themselves, or an adviser with the client."""

    client: Client
    by_staff: bool

    def url(self, name: str, *args) -> str:
        if self.by_staff:
            return reverse(f"werkverkenner:staff_{name}", args=[self.client.pk, *args])
        return reverse(f"werkverkenner:{name}", args=list(args))


def _client_filler(request) -> Filler:
    return Filler(portal_client(request), by_staff=False)


def _staff_filler(request, pk: int):
    """The client for an adviser, or a redirect to give a reason first."""
    client, redirect_to = open_client_file(request, pk)
    return (Filler(client, by_staff=True) if client else None), redirect_to


def _pages(questionnaire) -> list[int]:
    return sorted(set(questionnaire.questions.values_list("page", flat=True)))


def _start(request, filler: Filler):
    questionnaire = queries.current_questionnaire()
    submission = queries.open_submission(filler.client)
    context = {
        "filler": filler,
        "client": filler.client,
        "questionnaire": questionnaire,
        "submission": submission,
        "latest": queries.latest_submitted(filler.client),
        "score": queries.latest_score(filler.client),
        "begin_url": filler.url("begin"),
        "result_url": filler.url("result"),
        "open_item": queries.open_item(filler.client),
        "request_url": reverse("werkverkenner:request") if not filler.by_staff else None,
        "question_count": questionnaire.questions.count() if questionnaire else 0,
    }
    return render(request, "werkverkenner/start.html", context)


def _begin(request, filler: Filler):
    try:
        submission = actions.start(client=filler.client, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(filler.url("start"))
    pages = _pages(submission.questionnaire)
    next_page = next((p for p in pages if p > submission.pages_done), None)
    if next_page is None:
        return redirect(filler.url("check"))
    return redirect(filler.url("page", next_page))


def _initial_for(client, questions, answers: dict) -> dict:
    initial = PageForm.initial_from(answers, questions)
    for question in questions:
        if question.code == "leeftijd" and question.code not in initial:
            initial[question.code] = _age_band(client)
    return initial


def _age_band(client) -> str:
    from django.utils import timezone

    today = timezone.localdate()
    born = client.date_of_birth
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 27:
        return "jonger-dan-27"
    if age < 45:
        return "27-44"
    if age < 55:
        return "45-54"
    return "55-plus"


def _page(request, filler: Filler, page: int):
    submission = queries.open_submission(filler.client)
    correcting = False
    if submission is None:
        submission = queries.latest_submitted(filler.client)
        correcting = submission is not None
    if submission is None:
        return redirect(filler.url("start"))
    questionnaire = submission.questionnaire
    pages = _pages(questionnaire)
    if page not in pages:
        raise Http404
    questions = list(queries.questions_of(questionnaire).filter(page=page))
    form = PageForm(
        request.POST or None,
        questions=questions,
        initial=_initial_for(filler.client, questions, submission.answers),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if correcting:
                before = dict(submission.answers)
                actions.correct(submission=submission, answers=form.answers(), user=request.user)
                if any(before.get(code) != value for code, value in form.answers().items()):
                    messages.success(
                        request, _("Uw antwoord is veranderd. De uitkomst is opnieuw berekend.")
                    )
                return redirect(filler.url("result"))
            actions.save_page(
                submission=submission, page=page, answers=form.answers(), user=request.user
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            if request.POST.get("stoppen"):
                messages.success(
                    request,
                    _("Uw antwoorden zijn bewaard. U kunt later verdergaan waar u gebleven was."),
                )
                return redirect(filler.url("start"))
            later = [p for p in pages if p > page]
            return redirect(filler.url("page", later[0]) if later else filler.url("check"))
    index = pages.index(page)
    titles = questionnaire.page_titles or []
    context = {
        "filler": filler,
        "client": filler.client,
        "form": form,
        "page": page,
        "page_number": index + 1,
        "page_count": len(pages),
        "page_title": show(titles[page - 1]) if page - 1 < len(titles) else "",
        "correcting": correcting,
        "back_url": filler.url("page", pages[index - 1]) if index > 0 else filler.url("start"),
        "result_url": filler.url("result"),
        "fields": [(form[q.code], q) for q in questions],
    }
    return render(request, "werkverkenner/page.html", context)


def _answer_rows(submission, filler: Filler):
    rows = []
    for question in queries.questions_of(submission.questionnaire):
        value = submission.answers.get(question.code, "")
        if question.code in submission.answers and value is None:
            shown = _("Overgeslagen")
        elif question.kind == "number":
            unit = show(question.unit)
            shown = f"{value} {unit}".strip() if value != "" else _("Nog niet ingevuld")
        else:
            labels = {o.code: show(o.label) for o in question.options.all()}
            shown = labels.get(value, _("Nog niet ingevuld"))
        rows.append(
            {"question": question, "answer": shown, "url": filler.url("page", question.page)}
        )
    return rows


def _check(request, filler: Filler):
    submission = queries.open_submission(filler.client)
    if submission is None:
        return redirect(
            filler.url("result") if queries.latest_submitted(filler.client) else filler.url("start")
        )
    if request.method == "POST":
        try:
            actions.submit(submission=submission, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(filler.url("check"))
        return redirect(filler.url("result"))
    context = {
        "filler": filler,
        "client": filler.client,
        "rows": _answer_rows(submission, filler),
        "missing": queries.missing_answers(submission),
    }
    return render(request, "werkverkenner/check.html", context)


def _result_context(filler: Filler, score: Score | None, submission):
    questions = list(queries.questions_of(submission.questionnaire))
    context = {
        "filler": filler,
        "client": filler.client,
        "submission": submission,
        "score": score,
        "rows": _answer_rows(submission, filler),
        "open_item": queries.open_item(filler.client),
        "threshold_percent": round(app_settings.WERKVERKENNER_THRESHOLD * 100),
    }
    if score is not None:
        version = score.model_version
        context.update(
            {
                "band_text": explain.band_text(score.band),
                "band_label": explain.band_label(score.band),
                "factors": explain.factors(score, questions),
                "accuracy": explain.accuracy_sentence(version.metrics),
                "version": version,
                "skipped_any": bool(score.inputs.get("skipped")),
            }
        )
    return context


def _result(request, filler: Filler):
    submission = queries.latest_submitted(filler.client)
    if submission is None:
        return redirect(filler.url("start"))
    score = submission.scores.select_related("model_version").order_by("-created_at", "-pk").first()
    context = _result_context(filler, score, submission)
    context["request_url"] = reverse("werkverkenner:request") if not filler.by_staff else None
    return render(request, "werkverkenner/result.html", context)


# --- the client's own pages --------------------------------------------------------------------


@client_or_practice
@require_GET
def start(request):
    return _start(request, _client_filler(request))


@client_or_practice
@require_POST
def begin(request):
    return _begin(request, _client_filler(request))


@client_or_practice
@require_http_methods(["GET", "POST"])
def page(request, page: int):
    return _page(request, _client_filler(request), page)


@client_or_practice
@require_http_methods(["GET", "POST"])
def check(request):
    return _check(request, _client_filler(request))


@client_or_practice
@require_GET
def result(request):
    return _result(request, _client_filler(request))


@client_or_practice
@require_POST
def request_conversation(request):
    filler = _client_filler(request)
    if queries.open_item(filler.client) is not None:
        messages.success(
            request,
            _("U staat al op de lijst voor een gesprek. Uw adviseur neemt contact met u op."),
        )
    else:
        actions.request_conversation(client=filler.client, user=request.user)
        messages.success(
            request,
            _("Uw vraag om een gesprek is doorgegeven. Uw adviseur neemt contact met u op."),
        )
    return redirect("werkverkenner:start")


# --- an adviser fills in with a client ---------------------------------------------------------


def _with_staff(handler):
    def view(request, pk: int, *args):
        filler, response = _staff_filler(request, pk)
        if response is not None:
            return response
        return handler(request, filler, *args)

    return view


@staff(TRIAGE)
@require_GET
def staff_start(request, pk: int):
    return _with_staff(_start)(request, pk)


@staff(TRIAGE)
@require_POST
def staff_begin(request, pk: int):
    return _with_staff(_begin)(request, pk)


@staff(TRIAGE)
@require_http_methods(["GET", "POST"])
def staff_page(request, pk: int, page: int):
    return _with_staff(_page)(request, pk, page)


@staff(TRIAGE)
@require_http_methods(["GET", "POST"])
def staff_check(request, pk: int):
    return _with_staff(_check)(request, pk)


@staff(TRIAGE)
@require_GET
def staff_result(request, pk: int):
    return _with_staff(_result)(request, pk)


# --- the adviser's work list -------------------------------------------------------------------


def _scope_clients(user):
    if user.has_perm("access.view_own_caseload"):
        return visible_clients(user, "own")
    return visible_clients(user, "office")


@staff(TRIAGE)
@require_GET
def worklist(request):
    items = list(queries.work_list(_scope_clients(request.user))[:200])
    rows = [
        {
            "item": item,
            "band_label": explain.band_label(item.score.band) if item.score else "",
        }
        for item in items
    ]
    return render(request, "werkverkenner/worklist.html", {"rows": rows})


@staff(TRIAGE)
@require_http_methods(["GET", "POST"])
def item(request, item_pk: int):
    item = get_object_or_404(TriageItem.objects.select_related("client", "score"), pk=item_pk)
    require(rules.may_triage, request.user, item)
    access = client_access(request.user, item.client)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and item.status == TriageItem.Status.OPEN and form.is_valid():
        try:
            actions.decide(
                item=item,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("Je besluit staat op de tijdlijn van de cliënt."))
            return redirect("werkverkenner:worklist")
    if request.method == "GET":
        client_actions.record_file_view(
            user=request.user, client=item.client, reason=access.implied_reason
        )
    filler = Filler(item.client, by_staff=True)
    submission = item.submission or queries.latest_submitted(item.client)
    score = queries.latest_score(item.client)
    context = {"item": item, "form": form, "advice": queries.advice_of(item)}
    if submission is not None:
        context.update(_result_context(filler, score, submission))
    context["item"] = item
    context["client"] = item.client
    return render(request, "werkverkenner/item.html", context)


# --- batch scoring (administrators) ------------------------------------------------------------


@staff(MANAGE)
@require_http_methods(["GET", "POST"])
def batch(request):
    from .tasks import score_batch

    if request.method == "POST":
        resume = request.POST.get("hervatten")
        run = None
        if resume:
            run = BatchRun.objects.filter(pk=resume).exclude(status=BatchRun.Status.DONE).first()
        if run is None:
            try:
                run = actions.start_batch(user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("werkverkenner:batch")
        score_batch.enqueue(run.pk)
        messages.success(request, _("De berekening is gestart."))
        return redirect("werkverkenner:batch")
    context = {
        "runs": BatchRun.objects.select_related("model_version")[:20],
        "active": queries.active_model(),
    }
    return render(request, "werkverkenner/batch.html", context)
