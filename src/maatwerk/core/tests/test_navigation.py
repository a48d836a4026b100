"""The menu is data that apps register, shown to each role as far as its permissions go."""

import pytest
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
