"""The demo model: trained on synthetic cases (see ``synthetic``), stored, registered, active."""

import tempfile
from pathlib import Path

from . import actions, synthetic
from .conf import app_settings
from .queries import current_questionnaire

DEMO_ROWS = 3000


def fit_demo(space: dict | None = None, *, rows: int = DEMO_ROWS, seed: int = 1):
    """A fitted profiler model on synthetic cases (not yet stored)."""
    from maatwerk.profiler import service

    space = space or synthetic.feature_space(current_questionnaire())
    cases = synthetic.cases(space, rows=rows, seed=seed)
    return service.fit(
        cases,
        id_column=synthetic.ID_COLUMN,
        label_column=synthetic.LABEL_COLUMN,
        sensitive=synthetic.SENSITIVE,
        seed=seed,
        source={"file": f"synthetisch, {rows} verzonnen gevallen, seed {seed}"},
        notes=f"Demomodel: {synthetic.SYNTHETIC_NOTE}. Niet gebruiken voor echte cliënten.",
        invite_at_or_below=app_settings.WERKVERKENNER_THRESHOLD,
    )


def train_demo_model(
    *, rows: int = DEMO_ROWS, seed: int = 1, user=None, activate: bool = True, name: str = ""
):
    from maatwerk.profiler import service

    model = fit_demo(rows=rows, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "model"
        service.save(model, directory)
        version = actions.register_model(
            source=directory,
            name=name or f"Demomodel (seed {seed})",
            user=user,
            trained_by="" if user else "demo_data",
            synthetic=True,
            data=f"{rows} verzonnen (synthetische) gevallen, seed {seed}",
        )
    if activate:
        version = actions.activate_model(version=version, user=user)
    return version
