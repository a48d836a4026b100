"""The panel's rules in the admin: every change on the record, nothing deleted, and no topic
name that would break an e-mail's subject line (docs/adr/0029)."""

import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.panel.models import Band, ContactRules, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def web(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org"))
    return client


def test_changing_the_contact_rules_is_on_the_record_with_old_and_new_values(web):
    rules = ContactRules.objects.create(pk=1, max_per_year=12, min_days_between=14)
    url = reverse("admin:panel_contactrules_change", args=[rules.pk])
    form = {"max_per_year": 999, "min_days_between": 0, "reminder_after_days": 7, "valid_days": 30}
    assert web.post(url, form).status_code == 302
    rules.refresh_from_db()
    assert (rules.max_per_year, rules.min_days_between) == (999, 0)
    entry = AuditEntry.objects.get(action="admin.changed", object_type="panel.contactrules")
    assert entry.actor_label
    assert entry.data["values"] == {
        "max_per_year": {"from": 12, "to": 999},
        "min_days_between": {"from": 14, "to": 0},
    }


def test_rules_topics_and_bands_are_never_deleted_in_the_admin(web):
    rules = ContactRules.objects.create(pk=1)
    topic = Topic.objects.first()
    band = Band.objects.first()
    for name, pk in [("contactrules", rules.pk), ("topic", topic.pk), ("band", band.pk)]:
        assert web.get(reverse(f"admin:panel_{name}_delete", args=[pk])).status_code == 403
    changelist = reverse("admin:panel_topic_changelist")
    web.post(changelist, {"action": "delete_selected", "_selected_action": [topic.pk]})
    assert Topic.objects.filter(pk=topic.pk).exists()


@pytest.mark.parametrize(
    "name", ["Werk\nzoeken", "Werk\r\nzoeken", "Werk\tzoeken", "Werk\u2028zoeken"]
)
def test_a_topic_name_is_one_line(web, name):
    response = web.post(reverse("admin:panel_topic_add"), {"name": name, "is_active": "on"})
    assert response.status_code == 200
    assert "zonder regeleinden" in response.text
    assert not Topic.objects.filter(name=name).exists()
    assert not AuditEntry.objects.filter(action="admin.added").exists()


def test_a_new_topic_is_on_the_record(web):
    response = web.post(reverse("admin:panel_topic_add"), {"name": "Re-integratie"})
    assert response.status_code == 302
    topic = Topic.objects.get(name="Re-integratie")
    entry = AuditEntry.objects.get(action="admin.added", object_id=str(topic.pk))
    assert entry.data["values"] == {"name": {"to": "Re-integratie"}, "is_active": {"to": False}}
