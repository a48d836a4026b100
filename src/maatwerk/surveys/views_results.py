"""Results (researchers, managers, council members) and exports (researchers)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods

from maatwerk.access.decorators import staff

from . import actions, exports
from .forms import ExportForm, ResultsFilterForm
from .models import Survey
from .results import summarise

RESULTS = "surveys.view_survey_results"
EXPORT = "surveys.export_survey_results"


def _visible_survey(pk: int) -> Survey:
    return get_object_or_404(Survey.objects.exclude(status=Survey.Status.DRAFT), pk=pk)


@require_GET
@staff(RESULTS)
def results(request, pk: int):
    survey = _visible_survey(pk)
    form = ResultsFilterForm(request.GET or None)
    office = region = None
    if form.is_valid():
        office = form.cleaned_data["vestiging"]
        region = form.cleaned_data["regio"]
    summary = summarise(
        survey,
        office=office,
        region=region,
        # Open answers can hold details about a person: only for researchers.
        with_texts=request.user.has_perm(EXPORT),
    )
    context = {
        "survey": survey,
        "form": form,
        "summary": summary,
        "may_export": request.user.has_perm(EXPORT),
    }
    return render(request, "surveys/results.html", context)


@require_http_methods(["GET", "POST"])
@staff(EXPORT)
def export(request, pk: int):
    survey = _visible_survey(pk)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        file_format = form.cleaned_data["file_format"]
        key = form.cleaned_data["link_key"]
        if file_format == "xlsx":
            content, count = exports.to_xlsx(survey, key)
            kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            name = f"vragenlijst-{survey.pk}.xlsx"
        elif file_format == "codebook":
            content, count = exports.to_csv(exports.codebook(survey))
            kind, name = "text/csv; charset=utf-8", f"vragenlijst-{survey.pk}-codeboek.csv"
        else:
            content, count = exports.to_csv(exports.rows(survey, key))
            kind, name = "text/csv; charset=utf-8", f"vragenlijst-{survey.pk}.csv"
        actions.log_export(
            survey=survey,
            user=request.user,
            file_format=file_format,
            rows=count,
            filters={"link_key": bool(key)},
        )
        response = HttpResponse(content, content_type=kind)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "surveys/export.html", {"survey": survey, "form": form})
