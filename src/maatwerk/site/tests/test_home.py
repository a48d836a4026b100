"""The home page sends each role to its first page; without a role there is nothing to open."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "page"),
    [("editor", "letters:book"), ("legal_reviewer", "letters:book"), ("adviser", None)],
)
def test_home_sends_a_role_without_a_caseload_to_its_first_page(client, role_world, role, page):
    client.force_login(role_world[role].user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    if page:
        assert response.url == reverse(page)


def test_staff_without_a_role_get_the_no_role_page(client, role_world):
    client.force_login(role_world["no_role"].user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 403
    assert "Je account heeft nog geen rol" in response.text


def test_the_council_member_lands_on_the_council_start_page(client, role_world):
    client.force_login(role_world["council_member"].user)
    response = client.get(reverse("core:home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:council")
    page = response.text
    assert "Mijn complimenten (0)" not in page
    assert "Wat je kunt doen" in page
    # Only what the role opens: letters, research results, interviews; no panel management.
    for route in ("letters:book", "surveys:research", "surveys:interviews"):
        assert reverse(route) in page
    assert reverse("panel:plans") not in page


def test_the_council_start_page_lists_letters_waiting_for_the_member(client, role_world):
    from maatwerk.letters import actions
    from maatwerk.letters.tests.helpers import to_reader_review, write

    reader = role_world["council_member"]
    version = write(role_world["editor"], title="Welkomstbrief")
    to_reader_review(version, editor=role_world["editor"], jurist=role_world["legal_reviewer"])
    client.force_login(reader.user)
    assert "Er wachten nu geen brieven op jou" in client.get(reverse("core:council")).text
    actions.invite_readers(
        version=version, reader_ids=[reader.pk], by_user=role_world["editor"].user
    )
    page = client.get(reverse("core:council")).text
    assert "Welkomstbrief, versie 1" in page
    assert reverse("letters:version", args=[version.pk]) in page


def test_a_refused_council_member_is_not_sent_to_a_manager(client, role_world):
    client.force_login(role_world["council_member"].user)
    response = client.get(reverse("clients:caseload"))
    assert response.status_code == 403
    assert "leidinggevende" not in response.text
    assert "secretaris van de cliëntenraad" in response.text


def test_a_refused_employee_still_asks_their_manager(client, role_world):
    client.force_login(role_world["editor"].user)
    response = client.get(reverse("clients:caseload"))
    assert response.status_code == 403
    assert "leidinggevende" in response.text


def test_the_administrator_lands_on_the_admin(client, role_world):
    client.force_login(role_world["administrator"].user)
    assert client.get(reverse("core:home")).url == reverse("admin:index")


def test_a_superuser_administrator_lands_on_the_admin_not_an_empty_caseload(client, role_world):
    """The demo's beheerder is a superuser: has_perm says yes to a caseload they do not have."""
    user = role_world["administrator"].user
    type(user).objects.filter(pk=user.pk).update(is_superuser=True)
    user.refresh_from_db()
    client.force_login(user)
    assert client.get(reverse("core:home")).url == reverse("admin:index")


def test_an_adviser_still_lands_on_their_clients(client, role_world):
    client.force_login(role_world["adviser"].user)
    assert client.get(reverse("core:home")).url == reverse("clients:caseload")
