"""The client panel part of `maatwerk demo_data`: a few hundred demo clients join the panel (the
`klant` log-in too), and the demo researcher plans and sends one panel survey. Through the real
actions; bounded, so it stays fast at 300,000 clients. The demo's e-mails go to Django's
in-memory backend instead of the console."""

import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import override_settings

from maatwerk.clients.models import Client

from . import actions, queries
from .models import Topic
from .sampling import current_rules, draw_sample

DEMO_MEMBERS = 300
DEMO_SAMPLE = 120
STRATA = ("region", "age", "duration")


def _survey(researcher_user):
    """A published survey: the surveys demo's, or a small one made through the surveys app's
    actions."""
    from maatwerk.surveys import actions as survey_actions
    from maatwerk.surveys.queries import published_surveys

    survey = published_surveys().first()
    if survey is not None:
        return survey
    survey = survey_actions.create_survey(
        user=researcher_user,
        title="Hoe ervaart u het contact met ons?",
        kind="survey",
        intro="Wij willen graag weten hoe u het contact met ons ervaart.",
    )
    page = survey.pages.order_by("order").first()
    survey_actions.save_question(
        survey=survey,
        user=researcher_user,
        page=page,
        kind="scale5",
        text="Hoe tevreden bent u over het contact met uw adviseur?",
    )
    survey_actions.save_question(
        survey=survey,
        user=researcher_user,
        page=page,
        kind="text",
        text="Wat kunnen wij beter doen?",
        required=False,
    )
    return survey_actions.publish(survey=survey, user=researcher_user)


def _seed_that_invites(klant) -> int:
    """A seed whose sample includes the klant log-in, so the demo client sees an invitation."""
    for seed in range(1, 100):
        sample = draw_sample(
            members=queries.members(),
            dimensions=STRATA,
            target_size=DEMO_SAMPLE,
            seed=seed,
            rules=current_rules(),
            rules_exception=False,
        )
        if klant is None or any(klant.pk in ids for ids in sample.chosen.values()):
            return seed
    return 1


def load(progress=lambda text: None) -> None:
    User = get_user_model()
    klant = Client.objects.filter(user__username="klant").first()
    ids = list(
        Client.objects.real()
        .exclude(email="")
        .exclude(user__username="klant")
        .order_by("pk")
        .values_list("pk", flat=True)[:DEMO_MEMBERS]
    )
    for client in Client.objects.filter(pk__in=ids):
        actions.join(client=client, user=None)
    if klant is not None:
        actions.join(client=klant, user=klant.user)
    progress(f"Klantpanel: {len(ids) + (klant is not None)} leden.")
    researcher = User.objects.filter(username="onderzoeker").first()
    if researcher is None:
        return
    try:
        survey = _survey(researcher)
    except (ValidationError, TypeError, ImportError) as error:
        progress(f"Klantpanel: geen vragenlijst om te versturen ({error}).")
        return
    seed = _seed_that_invites(klant)
    plan = actions.create_plan(
        user=researcher,
        survey=survey,
        topic=Topic.objects.filter(is_active=True).order_by("pk").first(),
        target_size=DEMO_SAMPLE,
        strata=list(STRATA),
        seed=seed,
        submission_token=uuid.uuid4(),
    )
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        actions.confirm_plan(plan=plan, user=researcher)
    progress(
        f"Klantpanel: panelonderzoek '{survey.title}' "
        f"verstuurd aan {plan.invitations.count()} leden."
    )
