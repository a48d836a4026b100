import pytest

from maatwerk.profiler import service

from .helpers import fit_linear, interaction_frame


@pytest.fixture(scope="session")
def linear_model():
    return fit_linear()


@pytest.fixture(scope="session")
def tree_model():
    return service.fit(
        interaction_frame(),
        id_column="id",
        label_column="y",
        sensitive=["group"],
        invite_at_or_below=0.5,
    )
