"""Every write of the surveys app, each in one transaction with its audit row or timeline event."""

import secrets
import uuid
from datetime import timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maatwerk.audit.actions import log
from maatwerk.clients.models import Client
from maatwerk.organisation.models import Office, StaffMember
from maatwerk.timeline.actions import Actor, record_event

from . import logic, tallies, text_sources
from .conf import app_settings
from .models import (
    AfterContactRule,
    Answer,
    ContactQuestion,
    InterviewSession,
    Option,
    Page,
    Question,
    Response,
    Survey,
)
from .signals import response_completed

MAX_AFTER_CONTACT_QUESTIONS = 3
MAX_OPTION_LENGTH = Option._meta.get_field("label").max_length


def _staff(user) -> StaffMember | None:
    return getattr(user, "staff_member", None)


def _locked_draft(survey: Survey) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.is_draft:
        raise ValidationError(
            _("Deze vragenlijst is gepubliceerd en kan niet meer veranderen. Maak een kopie.")
        )
    return survey


# --- building --------------------------------------------------------------------------------


def create_survey(*, user, title: str, kind: str, intro: str = "", title_en="", intro_en=""):
    with transaction.atomic():
        survey = Survey.objects.create(
            title=title,
            title_en=title_en,
            intro=intro,
            intro_en=intro_en,
            kind=kind,
            created_by=_staff(user),
        )
        Page.objects.create(survey=survey, order=1, title=title)
        log("surveys.created", user=user, about=survey, data={"kind": kind})
    return survey


def update_survey(*, survey: Survey, user, **fields) -> Survey:
    with transaction.atomic():
        survey = _locked_draft(survey)
        for name in ("title", "title_en", "intro", "intro_en"):
            if name in fields:
                setattr(survey, name, fields[name])
        survey.save()
        log("surveys.changed", user=user, about=survey)
    return survey


def _problem_keys(survey: Survey) -> set:
    return {problem.key for problem in logic.structure_problems(logic.load(survey))}


def _refuse_new_problems(survey: Survey, before: set, edited=None, others=None) -> None:
    """Check the whole structure after an edit (still inside its transaction) and refuse the
    edit when it broke a condition anywhere: on the edited item (shown next to its own field) or
    on another page or question (shown next to the field in ``others`` for that problem's field:
    the change that broke it).

    Problems that were already there before the edit (old data) do not block fixing others one
    by one; publishing refuses any.
    """
    errors: dict[str | None, list[str]] = {}
    for problem in logic.structure_problems(logic.load(survey)):
        if problem.key in before:
            continue
        is_edited = edited is not None and problem.key[:2] == (type(edited).__name__, edited.pk)
        field = problem.field if is_edited else (others or {}).get(problem.field)
        errors.setdefault(field or NON_FIELD_ERRORS, []).append(problem.message)
    if errors:
        raise ValidationError(errors)


def save_page(*, survey: Survey, user, page: Page | None = None, **fields) -> Page:
    with transaction.atomic():
        survey = _locked_draft(survey)
        if page is None:
            last = survey.pages.order_by("-order").first()
            page = Page(survey=survey, order=(last.order + 1) if last else 1)
        for name in ("title", "title_en", "show_if_question", "show_if_value"):
            if name in fields:
                setattr(page, name, fields[name])
        if not page.show_if_question:
            page.show_if_value = ""
        before = _problem_keys(survey)
        page.save()
        _refuse_new_problems(survey, before, edited=page)
        log("surveys.page_saved", user=user, about=survey, data={"page": page.pk})
    return page


def delete_page(*, page: Page, user) -> None:
    with transaction.atomic():
        survey = _locked_draft(page.survey)
        if survey.pages.count() <= 1:
            raise ValidationError(_("Een vragenlijst heeft minstens één pagina."))
        before = _problem_keys(survey)
        Question.objects.filter(show_if_question__page=page).update(
            show_if_question=None, show_if_value=""
        )
        Page.objects.filter(show_if_question__page=page).update(
            show_if_question=None, show_if_value=""
        )
        page.delete()
        _refuse_new_problems(survey, before)
        log("surveys.page_deleted", user=user, about=survey)


def _too_many_options() -> ValidationError:
    limit = app_settings.SURVEY_MAX_OPTIONS
    return ValidationError(
        {"options": _("Geef hoogstens %(max)s antwoorden.") % {"max": limit}}, code="max_options"
    )


def _too_long_option(number: int) -> ValidationError:
    message = _("Antwoord %(number)s is te lang: gebruik hoogstens %(max)s tekens.")
    return ValidationError(
        {"options": message % {"number": number, "max": MAX_OPTION_LENGTH}}, code="max_length"
    )


def parse_options(text: str) -> list[tuple[str, str, str]]:
    """Options as the researcher types them, one per line: ``Dutch`` or ``Dutch | English``.
    Returns (code, label, label_en); the code comes from the Dutch text.

    One pass over the lines that stops at the first line past the limits, and codes made
    unique with a counter per base, so a huge or repetitive paste costs no more than reading it.
    """
    limit = app_settings.SURVEY_MAX_OPTIONS
    result: list[tuple[str, str, str]] = []
    used: set[str] = set()
    next_number: dict[str, int] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if len(result) == limit:
            raise _too_many_options()
        label, _sep, label_en = (part.strip() for part in line.partition("|"))
        if max(len(label), len(label_en)) > MAX_OPTION_LENGTH:
            raise _too_long_option(len(result) + 1)
        base = slugify(label)[:24] or "antwoord"
        code = base
        while code in used:
            next_number[base] = next_number.get(base, 1) + 1
            code = f"{base}-{next_number[base]}"
        used.add(code)
        result.append((code, label, label_en))
    return result


def _check_options(options) -> None:
    if len(options) < 2:
        raise ValidationError({"options": _("Geef minstens twee antwoorden, één per regel.")})
    if len(options) > app_settings.SURVEY_MAX_OPTIONS:
        raise _too_many_options()
    for number, (_code, label, label_en) in enumerate(options, start=1):
        if max(len(label), len(label_en)) > MAX_OPTION_LENGTH:
            raise _too_long_option(number)


def _next_code(survey: Survey) -> str:
    n = survey.questions.count() + 1
    codes = set(survey.questions.values_list("code", flat=True))
    while f"v{n}" in codes:
        n += 1
    return f"v{n}"


def save_question(
    *, survey: Survey, user, page: Page, question: Question | None = None, options=None, **fields
) -> Question:
    """Add or change a question. ``options`` is a list of (code, label, label_en) for choice
    questions; existing option codes keep their rows."""
    with transaction.atomic():
        survey = _locked_draft(survey)
        if page.survey_id != survey.pk:
            raise ValidationError({"page": _("Kies een pagina van deze vragenlijst.")})
        if question is None:
            last = survey.questions.filter(page=page).order_by("-order").first()
            question = Question(
                survey=survey, code=_next_code(survey), order=(last.order + 1) if last else 1
            )
        question.page = page
        for name in (
            "kind",
            "text",
            "text_en",
            "help_text",
            "help_text_en",
            "low_label",
            "low_label_en",
            "high_label",
            "high_label_en",
            "required",
            "show_if_question",
            "show_if_value",
        ):
            if name in fields:
                setattr(question, name, fields[name])
        if not question.show_if_question:
            question.show_if_value = ""
        options = options or []
        if question.has_options:
            _check_options(options)
        before = _problem_keys(survey)
        question.save()
        wanted = {code for code, _l, _e in (options if question.has_options else [])}
        question.options.exclude(code__in=wanted).delete()
        for order, (code, label, label_en) in enumerate(
            options if question.has_options else [], start=1
        ):
            Option.objects.update_or_create(
                question=question,
                code=code,
                defaults={"label": label, "label_en": label_en, "order": order},
            )
        # Moving a question or changing its answers can break the conditions of others.
        _refuse_new_problems(
            survey,
            before,
            edited=question,
            others={
                "show_if_question": "page",
                "show_if_value": "options" if question.has_options else "kind",
            },
        )
        log("surveys.question_saved", user=user, about=survey, data={"question": question.code})
    return question


def delete_question(*, question: Question, user) -> None:
    with transaction.atomic():
        survey = _locked_draft(question.survey)
        before = _problem_keys(survey)
        Question.objects.filter(show_if_question=question).update(
            show_if_question=None, show_if_value=""
        )
        Page.objects.filter(show_if_question=question).update(
            show_if_question=None, show_if_value=""
        )
        code = question.code
        question.delete()
        _refuse_new_problems(survey, before)
        log("surveys.question_deleted", user=user, about=survey, data={"question": code})


def publish(*, survey: Survey, user) -> Survey:
    with transaction.atomic():
        survey = _locked_draft(survey)
        structure = logic.load(survey)
        if not structure.questions:
            raise ValidationError(_("Voeg eerst minstens één vraag toe."))
        problems = logic.structure_problems(structure)
        if problems:
            raise ValidationError([problem.message for problem in problems])
        for question in structure.questions:
            if question.has_options and len(question.option_list) < 2:
                raise ValidationError(
                    _("Vraag %(code)s heeft minstens twee antwoorden nodig.")
                    % {"code": question.code}
                )
        if survey.kind == Survey.Kind.AFTER_CONTACT and (
            len(structure.questions) > MAX_AFTER_CONTACT_QUESTIONS or len(structure.pages) > 1
        ):
            raise ValidationError(
                _("Korte vragen na een contact: hooguit %(n)s vragen op één pagina.")
                % {"n": MAX_AFTER_CONTACT_QUESTIONS}
            )
        survey.status = Survey.Status.PUBLISHED
        survey.published_at = timezone.now()
        survey.save(update_fields=["status", "published_at"])
        log("surveys.published", user=user, about=survey)
    return survey


def close(*, survey: Survey, user) -> Survey:
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if survey.status != Survey.Status.PUBLISHED:
            raise ValidationError(_("Alleen een gepubliceerde vragenlijst kan worden gesloten."))
        survey.status = Survey.Status.CLOSED
        survey.closed_at = timezone.now()
        survey.save(update_fields=["status", "closed_at"])
        AfterContactRule.objects.filter(survey=survey, is_active=True).update(is_active=False)
        log("surveys.closed", user=user, about=survey)
    return survey


def copy(*, survey: Survey, user) -> Survey:
    """A new draft with the same pages, questions, options and conditions."""
    with transaction.atomic():
        structure = logic.load(survey)
        new = Survey.objects.create(
            title=_("%(title)s (kopie)") % {"title": survey.title},
            title_en=survey.title_en,
            intro=survey.intro,
            intro_en=survey.intro_en,
            kind=survey.kind,
            created_by=_staff(user),
            copied_from=survey,
        )
        pages, questions = {}, {}
        for page in structure.pages:
            pages[page.pk] = Page.objects.create(
                survey=new, order=page.order, title=page.title, title_en=page.title_en
            )
        for q in structure.questions:
            questions[q.pk] = Question.objects.create(
                survey=new,
                page=pages[q.page_id],
                order=q.order,
                code=q.code,
                kind=q.kind,
                text=q.text,
                text_en=q.text_en,
                help_text=q.help_text,
                help_text_en=q.help_text_en,
                low_label=q.low_label,
                low_label_en=q.low_label_en,
                high_label=q.high_label,
                high_label_en=q.high_label_en,
                required=q.required,
            )
            Option.objects.bulk_create(
                Option(
                    question=questions[q.pk],
                    order=o.order,
                    code=o.code,
                    label=o.label,
                    label_en=o.label_en,
                )
                for o in q.option_list
            )
        for old, item in [(p, pages[p.pk]) for p in structure.pages] + [
            (q, questions[q.pk]) for q in structure.questions
        ]:
            if old.show_if_question_id in questions:
                item.show_if_question = questions[old.show_if_question_id]
                item.show_if_value = old.show_if_value
                item.save(update_fields=["show_if_question", "show_if_value"])
        log("surveys.copied", user=user, about=new, data={"from": survey.pk})
    return new


# --- answering -------------------------------------------------------------------------------


def _must_be_open(survey: Survey, kind: str) -> None:
    if survey.status != Survey.Status.PUBLISHED or survey.kind != kind:
        raise ValidationError(_("Deze vragenlijst is gesloten of bestaat niet meer."))


def start_response(*, survey: Survey, client: Client, invitation_token: str = "") -> Response:
    """The client's response to a survey: the existing one (to resume), or a new one."""
    existing = Response.objects.filter(
        survey=survey, client=client, contact_question__isnull=True
    ).first()
    if existing is not None:
        if invitation_token and not existing.invitation_token and not existing.completed_at:
            Response.objects.filter(pk=existing.pk).update(invitation_token=invitation_token[:100])
            existing.invitation_token = invitation_token[:100]
        return existing
    survey = Survey.objects.get(pk=survey.pk)
    _must_be_open(survey, Survey.Kind.SURVEY)
    try:
        with transaction.atomic():
            return Response.objects.create(
                survey=survey,
                client=client,
                office_id=client.office_id,
                region_id=client.office.region_id,
                invitation_token=invitation_token[:100],
            )
    except IntegrityError:
        # Opened twice at the same moment: the other request made it.
        return Response.objects.get(survey=survey, client=client, contact_question__isnull=True)


def save_answers(*, response: Response, page: Page, answers: dict) -> Response:
    """Keep the answers of one page (already valid for it) and move on to the next shown page."""
    with transaction.atomic():
        response = Response.objects.select_for_update().get(pk=response.pk)
        if response.completed_at is not None:
            raise ValidationError(_("U heeft deze vragenlijst al ingevuld."))
        _must_be_open(response.survey, response.survey.kind)
        structure = logic.load(response.survey)
        merged = dict(response.answers)
        for question in structure.questions_on(page):
            merged.pop(question.code, None)
        merged.update({code: value for code, value in answers.items() if value is not None})
        merged = logic.prune(structure, merged)
        shown = logic.shown_pages(structure, merged)
        index = structure.page_index(page)
        later = [p for p in shown if structure.page_index(p) > index]
        response.answers = merged
        response.page_reached = structure.page_index(later[0]) if later else len(structure.pages)
        response.updated_at = timezone.now()
        response.save(update_fields=["answers", "page_reached", "updated_at"])
    return response


def _answer_rows(response: Response, structure, answers: dict) -> list[Answer]:
    rows = []
    common = {
        "response": response,
        "survey_id": response.survey_id,
        "office_id": response.office_id,
        "region_id": response.region_id,
    }
    for question in logic.all_shown_questions(structure, answers):
        value = answers.get(question.code)
        if value is None:
            continue
        if question.kind == Question.Kind.MULTIPLE:
            options = {o.code: o for o in question.option_list}
            for i, code in enumerate(value):
                rows.append(
                    Answer(**common, question=question, option=options[code], is_primary=i == 0)
                )
        elif question.kind == Question.Kind.SINGLE:
            option = next(o for o in question.option_list if o.code == value)
            rows.append(Answer(**common, question=question, option=option))
        elif question.kind == Question.Kind.YES_NO:
            rows.append(Answer(**common, question=question, value=1 if value == logic.YES else 0))
        elif question.kind == Question.Kind.TEXT:
            rows.append(Answer(**common, question=question, text=value))
        else:
            rows.append(Answer(**common, question=question, value=value))
    return rows


def complete(*, response: Response, user=None) -> Response:
    """Finish a response once: write its answer rows, tell the timeline and the panel. A second
    call returns the completed response unchanged."""
    with transaction.atomic():
        response = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
        if response.completed_at is not None:
            return response
        survey = response.survey
        _must_be_open(survey, survey.kind)
        structure = logic.load(survey)
        answers = logic.prune(structure, response.answers)
        missing = logic.missing_required(structure, answers)
        if missing:
            raise ValidationError(
                _("Nog niet alle verplichte vragen zijn beantwoord."), code="incomplete"
            )
        rows = Answer.objects.bulk_create(_answer_rows(response, structure, answers))
        tallies.add(survey.pk, rows)
        text_sources.announce(response, rows)
        response.answers = answers
        response.completed_at = timezone.now()
        response.page_reached = len(structure.pages)
        response.save(update_fields=["answers", "completed_at", "page_reached"])
        if response.client_id is not None and response.contact_question_id is None:
            record_event(
                response.client,
                "survey.completed",
                Actor.client(),
                {"title": survey.title},
                about=survey,
            )
        token = response.invitation_token
        transaction.on_commit(
            lambda: response_completed.send(
                sender=Response,
                response=response,
                survey=survey,
                client=response.client,
                invitation_token=token,
            )
        )
    return response


# --- interviews at an office -----------------------------------------------------------------


def open_session(*, survey: Survey, office: Office, user) -> InterviewSession:
    staff = _staff(user)
    with transaction.atomic():
        _must_be_open(survey, Survey.Kind.INTERVIEW)
        if staff is None or not staff.offices.filter(pk=office.pk).exists():
            raise ValidationError({"office": _("Kies een vestiging waar je werkt.")})
        session = InterviewSession.objects.create(survey=survey, office=office, opened_by=staff)
        log("surveys.session_opened", user=user, about=session, data={"office": office.pk})
    return session


def close_session(*, session: InterviewSession, user) -> InterviewSession:
    with transaction.atomic():
        session = InterviewSession.objects.select_for_update().get(pk=session.pk)
        if session.closed_at is None:
            session.closed_at = timezone.now()
            session.save(update_fields=["closed_at"])
            log("surveys.session_closed", user=user, about=session)
    return session


def _interview_still_accepted(session: InterviewSession, answered_at, now) -> None:
    """Refuse an interview for a closed session or survey, except one a tablet recorded before
    the close and sends within the grace period (it was offline; docs/adr/0027)."""
    survey = session.survey
    if survey.kind != Survey.Kind.INTERVIEW or survey.status == Survey.Status.DRAFT:
        raise ValidationError(
            _("Deze vragenlijst is gesloten of bestaat niet meer."), code="closed"
        )
    closes = [session.closed_at]
    if survey.status == Survey.Status.CLOSED:
        closes.append(survey.closed_at)
    closes = [moment for moment in closes if moment is not None]
    if not closes:
        return
    closed_at = min(closes)
    grace = timedelta(hours=app_settings.SURVEY_SYNC_GRACE_HOURS)
    if answered_at is not None and answered_at < closed_at and now <= closed_at + grace:
        return
    raise ValidationError(
        _("De interviewsessie of de vragenlijst is gesloten. Dit interview wordt niet opgeslagen."),
        code="closed",
    )


def record_interview(
    *, session: InterviewSession, key: uuid.UUID, raw_answers: dict, user, answered_at=None
) -> tuple[Response, bool]:
    """Store one interview from a tablet exactly once per key. Returns (response, created).

    The whole interview is validated first; a broken one raises ValidationError with a message
    per question code and stores nothing. After the session or the survey closed, only an
    interview the tablet recorded before the close (``answered_at``, its own clock) is still
    accepted, for ``SURVEY_SYNC_GRACE_HOURS``; one without ``answered_at`` is taken as made now.
    """
    existing = Response.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing, False
    structure = logic.load(session.survey)
    answers, errors = logic.validate_all(structure, raw_answers)
    if errors:
        raise ValidationError(errors)
    if not answers:
        raise ValidationError(_("Dit interview bevat geen antwoorden."))
    try:
        with transaction.atomic():
            # Locked, so a close that commits first is seen here.
            session = (
                InterviewSession.objects.select_for_update()
                .select_related("survey", "office")
                .get(pk=session.pk)
            )
            now = timezone.now()
            _interview_still_accepted(session, answered_at or now, now)
            survey = session.survey
            response = Response.objects.create(
                survey=survey,
                session=session,
                idempotency_key=key,
                office=session.office,
                region_id=session.office.region_id,
                answers=answers,
                page_reached=len(structure.pages),
            )
            response.completed_at = now
            response.save(update_fields=["completed_at"])
            rows = Answer.objects.bulk_create(_answer_rows(response, structure, answers))
            tallies.add(survey.pk, rows)
            text_sources.announce(response, rows)
            log("surveys.interview_recorded", user=user, about=response, data={"key": str(key)})
    except IntegrityError:
        # The same key arrived twice at the same moment: the other request stored it.
        return Response.objects.get(idempotency_key=key), False
    return response, True


# --- after a contact -------------------------------------------------------------------------


def create_rule(*, user, event_kind: str, survey: Survey, expires_after_days: int):
    with transaction.atomic():
        survey = Survey.objects.get(pk=survey.pk)
        if survey.kind != Survey.Kind.AFTER_CONTACT or survey.status != Survey.Status.PUBLISHED:
            raise ValidationError(
                {"survey": _("Kies een gepubliceerde vragenlijst voor korte vragen na contact.")}
            )
        if AfterContactRule.objects.filter(event_kind=event_kind, is_active=True).exists():
            raise ValidationError(
                {"event_kind": _("Er is al een actieve regel voor deze soort contact.")}
            )
        rule = AfterContactRule.objects.create(
            event_kind=event_kind,
            survey=survey,
            expires_after_days=expires_after_days,
            created_by=_staff(user),
        )
        log("surveys.rule_created", user=user, about=rule, data={"kind": event_kind})
    return rule


def deactivate_rule(*, rule: AfterContactRule, user) -> AfterContactRule:
    with transaction.atomic():
        rule = AfterContactRule.objects.select_for_update().get(pk=rule.pk)
        if rule.is_active:
            rule.is_active = False
            rule.save(update_fields=["is_active"])
            log("surveys.rule_deactivated", user=user, about=rule)
    return rule


def ask_after_contact(event) -> ContactQuestion | None:
    """Create the pending short question for a recorded contact, if a rule asks for one.

    Runs inside the transaction of the event (see ``receivers``): one small query when no rule
    matches, and never for the survey app's own events.
    """
    if event.kind.startswith("survey."):
        return None
    rule = (
        AfterContactRule.objects.filter(
            event_kind=event.kind, is_active=True, survey__status=Survey.Status.PUBLISHED
        )
        .select_related("survey")
        .first()
    )
    if rule is None:
        return None
    now = timezone.now()
    return ContactQuestion.objects.create(
        rule=rule,
        survey=rule.survey,
        client_id=event.client_id,
        event=event,
        staff_id=event.actor_staff_id,
        token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + timedelta(days=rule.expires_after_days),
    )


def answer_contact_question(*, question: ContactQuestion, client: Client, answers: dict):
    """Save the client's answers to a short question after a contact, once."""
    return _answer_contact(question=question, client=client, answers=answers)


def enter_contact_answers_by_phone(*, question: ContactQuestion, by_user, answers: dict):
    """A staff member types in the answers the client gave by phone. They count like any
    answer (they are the client's) and are marked as entered by staff in exports."""
    from . import rules

    staff = _staff(by_user)
    if staff is None or not rules.may_enter_contact_answers(by_user, question):
        raise ValidationError(
            _(
                "Je kunt deze antwoorden niet invoeren: de cliënt valt niet onder jou, of de "
                "vragen gaan over jouw eigen contact."
            )
        )
    return _answer_contact(
        question=question, client=question.client, answers=answers, entered_by=staff
    )


def _answer_contact(*, question, client, answers, entered_by=None):
    with transaction.atomic():
        question = ContactQuestion.objects.select_for_update().get(pk=question.pk)
        if question.client_id != client.pk:
            raise ValidationError(_("Deze link klopt niet."))
        if question.answered_at is not None:
            if entered_by is not None:
                raise ValidationError(_("Deze vragen zijn al beantwoord."))
            return question.response
        if question.expires_at <= timezone.now():
            raise ValidationError(_("Deze vragen zijn verlopen."))
        _must_be_open(question.survey, Survey.Kind.AFTER_CONTACT)
        office = Office.objects.filter(pk=client.office_id).first()
        response = Response.objects.create(
            survey=question.survey,
            client=client,
            contact_question=question,
            office=office,
            region_id=office.region_id if office else None,
            answers=answers,
            entered_by=entered_by,
            entered_via="phone" if entered_by is not None else "",
        )
        complete(response=response)
        question.answered_at = timezone.now()
        question.save(update_fields=["answered_at"])
        if entered_by is None:
            record_event(
                client,
                "survey.contact_answered",
                Actor.client(),
                {"title": question.survey.title},
                about=question,
            )
        else:
            record_event(
                client,
                "survey.contact_answered_by_phone",
                Actor.of_staff(entered_by),
                {"title": question.survey.title, "staff_name": entered_by.full_name},
                about=question,
            )
            # The answers themselves stay out of the audit trail: who typed them in is enough.
            log(
                "surveys.contact_answers_entered",
                user=entered_by.user,
                client=client,
                about=question,
                data={"channel": "phone"},
            )
    return response


def enter_survey_answers(
    *, survey: Survey, client: Client, answers: dict, entered_by: StaffMember, via: str
) -> Response:
    """The client's answers to a (panel) survey that did not come in through the portal: given
    on paper and typed in by ``entered_by`` (``via='paper'``), or typed by the client at an
    office tablet that ``entered_by`` opened (``via='tablet'``). They are the client's answers
    and count like any other. A response the client started online is finished with these
    answers; one already completed is refused. Runs inside the caller's transaction (the panel
    marks its code used in the same one)."""
    if via not in ("paper", "tablet"):
        raise ValueError(f"Unknown channel {via!r}")
    with transaction.atomic():
        survey = Survey.objects.get(pk=survey.pk)
        _must_be_open(survey, Survey.Kind.SURVEY)
        response = (
            Response.objects.select_for_update()
            .filter(survey=survey, client=client, contact_question__isnull=True)
            .first()
        )
        if response is not None and response.completed_at is not None:
            raise ValidationError(_("Deze vragenlijst is al ingevuld."), code="answered")
        if response is None:
            response = Response(
                survey=survey,
                client=client,
                office_id=client.office_id,
                region_id=client.office.region_id,
            )
        response.answers = answers
        response.entered_by = entered_by
        response.entered_via = via
        response.updated_at = timezone.now()
        response.save()
        return complete(response=response)


# --- exports ---------------------------------------------------------------------------------


def log_export(*, survey: Survey, user, file_format: str, rows: int, filters: dict) -> None:
    with transaction.atomic():
        log(
            "surveys.exported",
            user=user,
            about=survey,
            data={"format": file_format, "rows": rows, "filters": filters},
        )
