import pytest

from maatwerk.core.tests import factories


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Slow hashing protects real passwords; in tests it only costs minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Other apps' tests store client texts without paying for the text classifier on every
    # commit; insight's own tests turn it back on.
    settings.INSIGHT_CLASSIFY_ON_ARRIVAL = False


@pytest.fixture
def office(db):
    return factories.OfficeFactory()


@pytest.fixture
def adviser(office):
    return factories.make_staff("Adviseur werk", offices=[office])


@pytest.fixture
def other_adviser(office):
    return factories.make_staff("Adviseur werk", offices=[office], first_name="Piet")


@pytest.fixture
def manager(office):
    return factories.make_staff(
        "Vestigingsmanager", offices=[office], first_name="Mira", job_title="Vestigingsmanager"
    )


@pytest.fixture
def administrator(office):
    return factories.make_staff(
        "Beheerder", offices=[office], first_name="Bram", job_title="Functioneel beheerder"
    )


@pytest.fixture
def editor(office):
    return factories.make_staff(
        "Briefredacteur", offices=[office], first_name="Ria", job_title="Briefredacteur"
    )


@pytest.fixture
def jurist(office):
    return factories.make_staff(
        "Juridisch controleur", offices=[office], first_name="Jurre", job_title="Jurist"
    )


@pytest.fixture
def reader(office):
    """A client-council member who reads letters for the letter book."""
    return factories.make_staff(
        "Lid cliëntenraad", offices=[office], first_name="Cor", job_title="Lid cliëntenraad"
    )


@pytest.fixture
def client_record(adviser):
    return factories.make_client(contact_person=adviser, user=True)


@pytest.fixture
def login(client):
    """Log a user in on Django's test client and return that client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def role_world(office):
    """One user per role (see maatwerk.core.tests.permissions) for permission matrices."""
    from maatwerk.core.tests.permissions import make_role_world

    return make_role_world(office)
