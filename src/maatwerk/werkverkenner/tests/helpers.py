"""Shared by the Werkverkenner's tests and its browser test: one fitted demo model per test
process (fitting takes seconds), registered and activated per test through the real actions."""

import functools
import tempfile
from pathlib import Path

from maatwerk.werkverkenner import actions, questionnaire, synthetic
from maatwerk.werkverkenner.demo import DOING_WELL, NEEDS_HELP  # noqa: F401  (re-exported)


@functools.cache
def fitted_model_dir() -> Path:
    from maatwerk.profiler import service
    from maatwerk.werkverkenner.demo_model import fit_demo

    model = fit_demo(synthetic.space_from_data(questionnaire.read(1)), rows=1500, seed=2)
    directory = Path(tempfile.mkdtemp(prefix="wv-model-")) / "model"
    service.save(model, directory)
    return directory


def activate_test_model(name: str = "Testmodel", *, user=None):
    version = actions.register_model(
        source=fitted_model_dir(), name=name, synthetic=True, trained_by="test", user=user
    )
    return actions.activate_model(version=version, user=user)


def by_page(submission, answers: dict) -> dict[int, dict]:
    pages: dict[int, dict] = {}
    for question in submission.questionnaire.questions.all():
        pages.setdefault(question.page, {})[question.code] = answers[question.code]
    return pages


def post_data(answers: dict) -> dict:
    """Form data for answers: a skipped question is the 'overslaan' choice."""
    return {code: ("overslaan" if value is None else value) for code, value in answers.items()}
