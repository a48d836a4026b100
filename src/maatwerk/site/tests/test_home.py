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
