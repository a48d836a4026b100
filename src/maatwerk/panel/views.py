"""Client pages (/mijn/panel/) and the researcher's panel surveys (/werk/panel/)."""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.core import kiosk as kiosk_lock
from maatwerk.core.forms import show_validation_error
from maatwerk.portal.rules import portal_client

from . import actions, paper, queries
from .forms import CodeAnswersForm, PlanForm, ReasonForm
from .models import PanelSurvey, PaperCode
from .sampling import current_rules

MANAGE = "panel.manage_panel"
# The plan an office tablet is open for; the lock itself (core.kiosk) says whose it is.
KIOSK_PLAN = "panel_kiosk_plan"


def _answer_url(survey, token: str = "") -> str | None:
    try:
        url = reverse("surveys:answer", kwargs={"survey_pk": survey.pk})
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode({'uitnodiging': token})}" if token else url


@require_GET
@client_or_practice
def home(request):
    client = portal_client(request)
    invitations = list(queries.invitations_of(client)[:20])
    for invitation in invitations:
        invitation.answer_url = _answer_url(invitation.plan.survey)
    context = {
        "client": client,
        "is_member": queries.is_member(client),
        "invitations": invitations,
        "rules": current_rules(),
        "has_email": bool(client.email),
    }
    return render(request, "panel/home.html", context)


@require_POST
@client_or_practice
def join(request):
    client = portal_client(request)
    if actions.join(client=client, user=request.user):
        messages.success(request, _("U doet nu mee aan het klantpanel. Dank u wel!"))
    return redirect("panel:home")


@require_POST
@client_or_practice
def leave(request):
    client = portal_client(request)
    if actions.leave(client=client, user=request.user):
        messages.success(
            request, _("U doet niet meer mee aan het klantpanel. U krijgt geen uitnodigingen meer.")
        )
    return redirect("panel:home")


@require_GET
@client_or_practice
def invitation(request, token):
    client = portal_client(request)
    check = queries.check_token(token, client)
    if not check.problem:
        url = _answer_url(check.invitation.plan.survey, token)
        if url:
            return redirect(url)
    problem = check.problem or _(
        "De vragenlijst is nu niet beschikbaar. Probeer het later nog eens."
    )
    return render(request, "panel/invitation.html", {"problem": problem})


@require_GET
@staff(MANAGE)
def plans(request):
    context = {
        "plans": queries.plans()[:100],
        "rules": current_rules(),
        "member_count": queries.members().count(),
    }
    return render(request, "panel/plans.html", context)


@require_http_methods(["GET", "POST"])
@staff(MANAGE)
def new(request):
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        seed = data["seed"] if data["seed"] is not None else secrets.randbelow(1_000_000_000)
        try:
            plan = actions.create_plan(
                user=request.user,
                survey=data["survey"],
                topic=data["topic"],
                target_size=data["target_size"],
                strata=data["strata"],
                seed=seed,
                rules_exception=data["rules_exception"],
                exception_reason=data["exception_reason"],
                submission_token=data["submission_token"],
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            return redirect("panel:plan", pk=plan.pk)
    return render(request, "panel/new.html", {"form": form, "rules": current_rules()})


@require_GET
@staff(MANAGE)
def plan(request, pk):
    plan = get_object_or_404(
        PanelSurvey.objects.select_related("survey", "topic", "created_by"), pk=pk
    )
    context = {"plan": plan, "reason_form": ReasonForm()}
    if plan.status == PanelSurvey.Status.DRAFT:
        context["report"] = queries.preview(plan).report
    else:
        context["report"] = plan.report
    context["sample"] = queries.sample_table(context["report"])
    if plan.status != PanelSurvey.Status.DRAFT:
        context["progress"] = queries.plan_progress(plan)
        context["uncertain"] = queries.uncertain_count(plan)
        context["letters"] = PaperCode.objects.filter(invitation__plan=plan).count()
        rows, total = queries.response_rates(plan)
        context["rates"], context["rate_total"] = rows, total
        context["tables"] = queries.representativeness(plan)
        context["min_group"] = queries.min_group_size()
    return render(request, "panel/plan.html", context)


@require_POST
@staff(MANAGE)
def send(request, pk):
    plan = get_object_or_404(PanelSurvey, pk=pk)
    try:
        if plan.status == PanelSurvey.Status.DRAFT:
            actions.confirm_plan(plan=plan, user=request.user)
            messages.success(request, _("De uitnodigingen worden verstuurd."))
        else:
            actions.resume(plan=plan, user=request.user)
            messages.success(request, _("Het versturen gaat verder."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("panel:plan", pk=plan.pk)


@require_POST
@staff(MANAGE)
def remind(request, pk):
    plan = get_object_or_404(PanelSurvey, pk=pk)
    try:
        actions.start_reminders(plan=plan, user=request.user)
        messages.success(request, _("De herinnering wordt verstuurd aan wie nog niet reageerde."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("panel:plan", pk=plan.pk)


@require_POST
@staff(MANAGE)
def release(request, pk):
    plan = get_object_or_404(PanelSurvey, pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            count = actions.resend_uncertain(
                plan=plan, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            actions.resume(plan=plan, user=request.user)
            messages.success(
                request, _("%(count)s e-mails gaan opnieuw de deur uit.") % {"count": count}
            )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("panel:plan", pk=plan.pk)


# --- answers to a letter with a personal code (docs/adr/0035) --------------------------------


def _sent_plan(pk) -> PanelSurvey:
    plan = get_object_or_404(PanelSurvey.objects.select_related("survey", "topic"), pk=pk)
    if plan.status == PanelSurvey.Status.DRAFT:
        raise Http404
    return plan


def _code_form(request, plan, *, for_member: bool):
    from maatwerk.surveys import logic

    questions = logic.all_shown_questions(logic.load(plan.survey), {})
    return CodeAnswersForm(request.POST or None, questions=questions, for_member=for_member)


def _take_answers(request, plan, form, via: str) -> bool:
    """Save the answers with the code; on a refusal the messages go next to the fields."""
    if not (request.method == "POST" and form.is_valid()):
        return False
    data = form.cleaned_data
    answers = {code: value for code, value in form.answers().items() if value is not None}
    try:
        actions.answer_with_code(
            plan=plan,
            code=data[paper.CODE],
            born=data[paper.BORN],
            answers=answers,
            by_user=request.user,
            via=via,
        )
    except ValidationError as error:
        show_validation_error(form, error)
        return False
    return True


@require_http_methods(["GET", "POST"])
@staff(MANAGE)
def paper_answers(request, pk):
    plan = _sent_plan(pk)
    form = _code_form(request, plan, for_member=False)
    if _take_answers(request, plan, form, PaperCode.Via.PAPER):
        messages.success(request, _("De antwoorden zijn opgeslagen. De code is nu gebruikt."))
        return redirect("panel:paper_answers", pk=plan.pk)
    context = {"plan": plan, "form": form, "rows": form.rows()}
    return render(request, "panel/paper_answers.html", context)


@require_POST
@staff(MANAGE)
def kiosk_open(request, pk):
    plan = _sent_plan(pk)
    request.session[KIOSK_PLAN] = plan.pk
    # From here every other page, log-out included, leads back to the tablet (ADR 0035).
    kiosk_lock.lock(request, home="panel:kiosk", allowed={"panel:kiosk_leave"})
    return redirect("panel:kiosk")


def _kiosk_plan(request) -> PanelSurvey | None:
    lock = kiosk_lock.held(request)
    if lock is None or lock.home != "panel:kiosk":
        return None
    plan_pk = request.session.get(KIOSK_PLAN)
    return PanelSurvey.objects.select_related("survey", "topic").filter(pk=plan_pk).first()


def _tablet_cannot_open(request):
    # Never a loop back to a tablet that cannot open.
    if kiosk_lock.locked_home(request) == reverse("panel:kiosk"):
        kiosk_lock.unlock(request)
    request.session.pop(KIOSK_PLAN, None)
    return redirect("panel:plans")


@require_http_methods(["GET", "POST"])
@staff(MANAGE)
def kiosk(request):
    plan = _kiosk_plan(request)
    if plan is None:
        return _tablet_cannot_open(request)
    form = _code_form(request, plan, for_member=True)
    if _take_answers(request, plan, form, PaperCode.Via.TABLET):
        return render(request, "panel/kiosk_thanks.html", {"plan": plan})
    context = {"plan": plan, "form": form, "rows": form.rows()}
    return render(request, "panel/kiosk.html", context)


@require_http_methods(["GET", "POST"])
@staff(MANAGE)
def kiosk_leave(request):
    """Only the staff member who opened the tablet can leave it: with their own password (the
    shared flow in ``core.kiosk.leave``, which logs the tablet out after five wrong tries)."""
    plan = _kiosk_plan(request)
    if plan is None:
        return _tablet_cannot_open(request)
    form, done = kiosk_lock.leave(
        request,
        done=reverse("panel:plan", args=[plan.pk]),
        message=_("De tablet is weer vrij. Je bent terug in je eigen omgeving."),
    )
    if done:
        request.session.pop(KIOSK_PLAN, None)
        return done
    return render(request, "panel/kiosk_leave.html", {"plan": plan, "form": form})
