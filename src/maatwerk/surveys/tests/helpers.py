"""Build surveys for tests through the real actions."""

from maatwerk.core.tests import factories
from maatwerk.surveys import actions
from maatwerk.surveys.models import Survey


def researcher(office=None):
    return factories.make_staff(
        "Klantonderzoeker",
        offices=[office] if office else None,
        first_name="Otto",
        job_title="Klantonderzoeker",
    )


def build_survey(user, kind=Survey.Kind.SURVEY, publish=True, title="Uw ervaring"):
    """Two pages: page 1 has tevreden (scale5), kanaal (single), hulp (yes/no); page 2 (only when
    hulp = ja) has welke (multiple) and toelichting (text, optional)."""
    survey = actions.create_survey(user=user, title=title, kind=kind, intro="Fijn dat u meedoet.")
    first = survey.pages.get()
    tevreden = actions.save_question(
        survey=survey,
        user=user,
        page=first,
        kind="scale5",
        text="Hoe tevreden bent u?",
        text_en="How satisfied are you?",
        required=True,
    )
    kanaal = actions.save_question(
        survey=survey,
        user=user,
        page=first,
        kind="single",
        text="Hoe had u contact?",
        required=True,
        options=actions.parse_options("Telefoon | Phone\nOp de vestiging\nOnline"),
    )
    hulp = actions.save_question(
        survey=survey, user=user, page=first, kind="yes_no", text="Kreeg u hulp?", required=True
    )
    second = actions.save_page(
        survey=survey, user=user, title="Over de hulp", show_if_question=hulp, show_if_value="ja"
    )
    welke = actions.save_question(
        survey=survey,
        user=user,
        page=second,
        kind="multiple",
        text="Welke hulp?",
        required=True,
        options=actions.parse_options("Cv\nSolliciteren\nScholing"),
    )
    actions.save_question(
        survey=survey,
        user=user,
        page=second,
        kind="text",
        text="Wilt u iets toelichten?",
        required=False,
    )
    if publish:
        actions.publish(survey=survey, user=user)
        survey.refresh_from_db()
    survey.codes = {
        "tevreden": tevreden.code,
        "kanaal": kanaal.code,
        "hulp": hulp.code,
        "welke": welke.code,
    }
    return survey
