"""The surveys part of `maatwerk demo_data`: a published survey answered by a bounded number of
demo clients (so the `onderzoeker` log-in sees results above the minimum group), an interview
questionnaire for the office tablet, and a short question after a held appointment. All through
the real actions."""

import random

from django.contrib.auth import get_user_model

from maatwerk.clients.models import Client
from maatwerk.timeline.models import TimelineEvent

from . import actions
from .models import ContactQuestion, Survey

DEMO_RESPONDENTS = 60
# What the ends of the demo's scales mean, shown next to the lowest and highest number.
SATISFIED = {
    "low_label": "heel ontevreden",
    "low_label_en": "very dissatisfied",
    "high_label": "heel tevreden",
    "high_label_en": "very satisfied",
}
SCALE_ENDS = {
    "Hoe was uw gesprek vandaag?": {
        "low_label": "heel slecht",
        "low_label_en": "very bad",
        "high_label": "heel goed",
        "high_label_en": "very good",
    },
    "Hoe tevreden bent u over het gesprek?": SATISFIED,
}
TITLE = "Hoe tevreden bent u over onze hulp?"


def _survey(user):
    survey = actions.create_survey(
        user=user,
        title=TITLE,
        title_en="How satisfied are you with our help?",
        kind=Survey.Kind.SURVEY,
        intro="Wij willen onze hulp beter maken. Het invullen duurt ongeveer 3 minuten.",
        intro_en="We want to improve our help. It takes about 3 minutes.",
    )
    first = survey.pages.get()
    questions = {
        "tevreden": actions.save_question(
            survey=survey,
            user=user,
            page=first,
            kind="scale5",
            text="Hoe tevreden bent u over de hulp bij het zoeken naar werk?",
            text_en="How satisfied are you with the help finding work?",
            **SATISFIED,
            required=True,
        ),
        "aanbevelen": actions.save_question(
            survey=survey,
            user=user,
            page=first,
            kind="scale10",
            text="Hoe waarschijnlijk is het dat u ons aanraadt aan een bekende?",
            text_en="How likely are you to recommend us to someone you know?",
            low_label="helemaal niet waarschijnlijk",
            low_label_en="not at all likely",
            high_label="zeer waarschijnlijk",
            high_label_en="extremely likely",
            required=True,
        ),
        "adviseur": actions.save_question(
            survey=survey,
            user=user,
            page=first,
            kind="yes_no",
            text="Heeft u een gesprek gehad met uw adviseur?",
            text_en="Did you have a conversation with your adviser?",
            required=True,
        ),
    }
    second = actions.save_page(
        survey=survey,
        user=user,
        title="Over het gesprek",
        title_en="About the conversation",
        show_if_question=questions["adviseur"],
        show_if_value="ja",
    )
    questions["hielp"] = actions.save_question(
        survey=survey,
        user=user,
        page=second,
        kind="multiple",
        text="Waar hielp het gesprek bij?",
        text_en="What did the conversation help with?",
        required=True,
        options=actions.parse_options(
            "Mijn cv | My CV\nSolliciteren | Applying\nEen opleiding kiezen | Choosing a course\n"
            "Iets anders | Something else"
        ),
    )
    questions["tip"] = actions.save_question(
        survey=survey,
        user=user,
        page=second,
        kind="text",
        text="Wat kunnen wij beter doen?",
        text_en="What could we do better?",
        required=False,
    )
    actions.publish(survey=survey, user=user)
    return Survey.objects.get(pk=survey.pk), questions


def _answer(survey, client, rng):
    response = actions.start_response(survey=survey, client=client)
    first, second = list(survey.pages.order_by("order"))
    had_talk = rng.random() < 0.7
    actions.save_answers(
        response=response,
        page=first,
        answers={
            "v1": rng.choice([2, 3, 4, 4, 5]),
            "v2": rng.choice([5, 6, 7, 8, 8, 9, 10]),
            "v3": "ja" if had_talk else "nee",
        },
    )
    if had_talk:
        codes = ["mijn-cv", "solliciteren", "een-opleiding-kiezen", "iets-anders"]
        actions.save_answers(
            response=response,
            page=second,
            answers={
                "v4": rng.sample(codes, rng.randint(1, 2)),
                "v5": rng.choice(
                    ["", "Sneller antwoord op mijn vragen.", "Meer tijd per gesprek."]
                ),
            },
        )
    actions.complete(response=response)


# One-page questionnaires: (kind, Dutch text, English text, required, options).
INTERVIEW = [
    ("scale5", "Hoe was uw gesprek vandaag?", "How was your conversation today?", True, ""),
    (
        "single",
        "Voelde u zich gehoord?",
        "Did you feel heard?",
        True,
        "Ja | Yes\nEen beetje | A little\nNee | No",
    ),
    (
        "text",
        "Wat wilt u ons nog vertellen?",
        "Anything else you want to tell us?",
        False,
        "",
    ),
]
AFTER_CONTACT = [
    (
        "scale5",
        "Hoe tevreden bent u over het gesprek?",
        "How satisfied are you with the conversation?",
        True,
        "",
    ),
    ("text", "Waarom?", "Why?", False, ""),
    (
        "yes_no",
        "Mogen wij u bellen over uw antwoord?",
        "May we call you about your answer?",
        True,
        "",
    ),
]


def _one_page(user, *, title: str, title_en: str, kind: str, questions) -> Survey:
    """Create, fill and publish a questionnaire of one page."""
    survey = actions.create_survey(user=user, title=title, title_en=title_en, kind=kind)
    page = survey.pages.get()
    for question_kind, text, text_en, required, options in questions:
        actions.save_question(
            survey=survey,
            user=user,
            page=page,
            kind=question_kind,
            text=text,
            text_en=text_en,
            required=required,
            options=actions.parse_options(options) if options else None,
            **SCALE_ENDS.get(text, {}),
        )
    actions.publish(survey=survey, user=user)
    return survey


def _interview(user):
    _one_page(
        user,
        title="Interview op de vestiging",
        title_en="Interview at the office",
        kind=Survey.Kind.INTERVIEW,
        questions=INTERVIEW,
    )


def _after_contact(user):
    survey = _one_page(
        user,
        title="Hoe was uw gesprek?",
        title_en="How was your conversation?",
        kind=Survey.Kind.AFTER_CONTACT,
        questions=AFTER_CONTACT,
    )
    return actions.create_rule(
        user=user, event_kind="appointment.held", survey=survey, expires_after_days=14
    )


def load(progress=lambda text: None) -> None:
    User = get_user_model()
    researcher = User.objects.filter(username="onderzoeker").first()
    if researcher is None or Survey.objects.filter(title=TITLE).exists():
        return
    progress("Vragenlijsten: een vragenlijst, een interview en vragen na een gesprek ...")
    survey, _questions = _survey(researcher)
    rng = random.Random(16)  # noqa: S311  (made-up demo answers, not security)
    clients = (
        Client.objects.real()
        .exclude(user__username="klant")
        .select_related("office")
        .order_by("pk")[:DEMO_RESPONDENTS]
    )
    for client in clients:
        _answer(survey, client, rng)
    _interview(researcher)
    rule = _after_contact(researcher)
    # The demo client gets the short question for their latest held appointment, if any.
    event = (
        TimelineEvent.objects.filter(client__user__username="klant", kind=rule.event_kind)
        .order_by("-occurred_at")
        .first()
    )
    if event is not None and not ContactQuestion.objects.filter(event=event).exists():
        actions.ask_after_contact(event)
    progress(f"Vragenlijsten: {len(clients)} demo-cliënten hebben de vragenlijst ingevuld.")
