import pytest

from maatwerk.profiler import api

from .helpers import fit_linear, interaction_frame


@pytest.fixture(scope="session")
def linear_model():
    return fit_linear()


@pytest.fixture(scope="session")
def tree_model():
    return api.fit(interaction_frame(), id_column="id", label_column="y", sensitive=["group"])
