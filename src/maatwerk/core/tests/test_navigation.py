"""The menu is data that apps register; the home page sends each role to its first page."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maatwerk.core import navigation

pytestmark = pytest.mark.django_db


def test_a_link_is_registered_once_and_for_a_known_audience():
    with pytest.raises(ValueError, match="twice"):
        navigation.register("client", _("Mijn brieven"), "letters:mine")
    with pytest.raises(ValueError, match="audience"):
        navigation.register("everybody", _("Alles"), "core:home")


def test_staff_see_only_the_links_their_roles_grant(role_world):
    editor_links = dict(navigation.links_for(role_world["editor"].user, "staff"))
    adviser_links = dict(navigation.links_for(role_world["adviser"].user, "staff"))
    assert "Brievenboek" in editor_links
    assert "Brievenboek" not in adviser_links
    assert navigation.links_for(role_world["adviser"].user, None) == []


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
    assert client.get(reverse("core:home")).status_code == 403
