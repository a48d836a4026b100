"""The researcher's builder (/werk/onderzoek/): surveys, pages, questions, skip logic, preview,
publish, close, copy, and the rules for short questions after a contact."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import staff
from maatwerk.core.forms import show_validation_error

from . import actions, logic
from .forms import (
    AnswerForm,
    NewSurveyForm,
    PageForm,
    QuestionForm,
    RuleForm,
    SurveyForm,
    validate_option_text,
)
from .models import AfterContactRule, Page, Question, Survey

BUILD = "surveys.build_survey"
RESULTS = "surveys.view_survey_results"


def _fail(request, error: ValidationError):
    messages.error(request, " ".join(error.messages))


@require_GET
@staff(RESULTS)
def research(request):
    surveys = Survey.objects.select_related("created_by")
    if not request.user.has_perm(BUILD):
        surveys = surveys.exclude(status=Survey.Status.DRAFT)
    return render(
        request,
        "surveys/research.html",
        {"surveys": surveys, "may_build": request.user.has_perm(BUILD)},
    )


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def new(request):
    form = NewSurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = actions.create_survey(user=request.user, **form.cleaned_data)
        messages.success(request, _("De vragenlijst is gemaakt. Voeg nu vragen toe."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


@require_GET
@staff(BUILD)
def detail(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    structure = logic.load(survey)
    pages = [(p, structure.questions_on(p)) for p in structure.pages]
    context = {
        "survey": survey,
        "pages": pages,
        "conditions": {q.pk: q for q in structure.questions},
        "response_count": survey.responses.filter(completed_at__isnull=False).count(),
        "problems": logic.structure_problems(structure) if survey.is_draft else [],
    }
    return render(request, "surveys/detail.html", context)


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def edit(request, pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    initial = {name: getattr(survey, name) for name in ("title", "title_en", "intro", "intro_en")}
    form = SurveyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_survey(survey=survey, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


def _page_view(request, survey, page):
    structure = logic.load(survey)
    order = page.order if page else (max((p.order for p in structure.pages), default=0) + 1)
    initial = {}
    if page is not None:
        initial = {
            "title": page.title,
            "title_en": page.title_en,
            "show_if_question": str(page.show_if_question_id or ""),
            "show_if_value": page.show_if_value,
        }
    form = PageForm(request.POST or None, structure=structure, page_order=order, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_page(survey=survey, user=request.user, page=page, **form.cleaned_data)
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/page_form.html", {"form": form, "survey": survey, "page": page})


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def page_new(request, pk: int):
    return _page_view(request, get_object_or_404(Survey, pk=pk), None)


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def page_edit(request, pk: int, page_pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    return _page_view(request, survey, get_object_or_404(Page, pk=page_pk, survey=survey))


@require_POST
@staff(BUILD)
def page_delete(request, pk: int, page_pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    page = get_object_or_404(Page, pk=page_pk, survey=survey)
    try:
        actions.delete_page(page=page, user=request.user)
    except ValidationError as error:
        _fail(request, error)
    return redirect("surveys:detail", pk=survey.pk)


def _question_view(request, survey, question):
    structure = logic.load(survey)
    initial = {"required": True}
    if question is not None:
        question = structure.by_id[question.pk]
        initial = {
            "page": str(question.page_id),
            "kind": question.kind,
            "text": question.text,
            "text_en": question.text_en,
            "help_text": question.help_text,
            "help_text_en": question.help_text_en,
            "low_label": question.low_label,
            "low_label_en": question.low_label_en,
            "high_label": question.high_label,
            "high_label_en": question.high_label_en,
            "required": question.required,
            "options": "\n".join(
                f"{o.label} | {o.label_en}" if o.label_en else o.label for o in question.option_list
            ),
            "show_if_question": str(question.show_if_question_id or ""),
            "show_if_value": question.show_if_value,
        }
    elif "pagina" in request.GET:
        initial["page"] = request.GET["pagina"]
    form = QuestionForm(request.POST or None, structure=structure, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            options = validate_option_text(data["kind"], data.pop("options"))
            if question is not None:
                # Keep the codes of options that stayed (by label), so results stay comparable.
                by_label = {o.label: o.code for o in question.option_list}
                options = [(by_label.get(label, code), label, en) for code, label, en in options]
            actions.save_question(
                survey=survey, user=request.user, question=question, options=options, **data
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            return redirect("surveys:detail", pk=survey.pk)
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "survey": survey, "question": question},
    )


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def question_new(request, pk: int):
    return _question_view(request, get_object_or_404(Survey, pk=pk), None)


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def question_edit(request, pk: int, question_pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    return _question_view(
        request, survey, get_object_or_404(Question, pk=question_pk, survey=survey)
    )


@require_POST
@staff(BUILD)
def question_delete(request, pk: int, question_pk: int):
    survey = get_object_or_404(Survey, pk=pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey)
    try:
        actions.delete_question(question=question, user=request.user)
    except ValidationError as error:
        _fail(request, error)
    return redirect("surveys:detail", pk=survey.pk)


@require_GET
@staff(BUILD)
def preview(request, pk: int):
    """Every page as a client sees it. Nothing can be sent from here."""
    survey = get_object_or_404(Survey, pk=pk)
    structure = logic.load(survey)
    pages = []
    for page in structure.pages:
        form = AnswerForm(questions=structure.questions_on(page), prefix=f"p{page.pk}")
        pages.append((page, form.rows()))
    context = {
        "survey": survey,
        "title": logic.localised(survey, "title"),
        "intro": logic.localised(survey, "intro"),
        "pages": pages,
        "conditions": {q.pk: q for q in structure.questions},
    }
    return render(request, "surveys/preview.html", context)


def _state_change(request, pk: int, action, done_message: str):
    survey = get_object_or_404(Survey, pk=pk)
    try:
        result = action(survey=survey, user=request.user)
    except ValidationError as error:
        _fail(request, error)
        return redirect("surveys:detail", pk=survey.pk)
    messages.success(request, done_message)
    return redirect("surveys:detail", pk=result.pk)


@require_POST
@staff(BUILD)
def publish(request, pk: int):
    return _state_change(
        request, pk, actions.publish, _("Gepubliceerd. De vragenlijst kan niet meer veranderen.")
    )


@require_POST
@staff(BUILD)
def close(request, pk: int):
    return _state_change(request, pk, actions.close, _("De vragenlijst is gesloten."))


@require_POST
@staff(BUILD)
def copy(request, pk: int):
    return _state_change(
        request, pk, actions.copy, _("Kopie gemaakt. Je kunt deze kopie veranderen.")
    )


@require_http_methods(["GET", "POST"])
@staff(BUILD)
def rules(request):
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.create_rule(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(request, _("De regel staat aan."))
            return redirect("surveys:rules")
    context = {
        "form": form,
        "rules": AfterContactRule.objects.select_related("survey").order_by(
            "-is_active", "event_kind"
        ),
    }
    return render(request, "surveys/rules.html", context)


@require_POST
@staff(BUILD)
def rule_deactivate(request, rule_pk: int):
    rule = get_object_or_404(AfterContactRule, pk=rule_pk)
    actions.deactivate_rule(rule=rule, user=request.user)
    messages.success(request, _("De regel staat uit."))
    return redirect("surveys:rules")
