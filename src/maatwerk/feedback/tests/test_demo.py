import pytest

from maatwerk.core.tests import factories
from maatwerk.feedback import demo, queries
from maatwerk.feedback.models import Compliment, DialogueSession, FeedbackItem

pytestmark = pytest.mark.django_db


def test_demo_step_gives_the_demo_logins_something_to_see(office, other_office):
    adviser = factories.make_staff("Adviseur werk", offices=[office], username="adviseur")
    manager = factories.make_staff(
        "Vestigingsmanager", offices=[office], username="manager", job_title="Vestigingsmanager"
    )
    far = factories.make_staff("Adviseur werk", offices=[other_office])
    from django.contrib.auth import get_user_model

    klant = factories.make_client(contact_person=adviser, user=True)
    get_user_model().objects.filter(pk=klant.user_id).update(username="klant")
    for _ in range(4):
        factories.make_client(contact_person=adviser)
        factories.make_client(contact_person=far)
    demo.load()
    # The client log-in sees a signed answer; the adviser has open items to answer.
    assert FeedbackItem.objects.get(client=klant).status == "answered"
    assert queries.open_items(queries.owned_items(adviser)).count() == 2
    assert Compliment.objects.filter(staff=adviser).count() == 3
    assert FeedbackItem.objects.filter(office=office).count() == 4
    assert FeedbackItem.objects.filter(office=other_office).count() == 4
    rows = {row["pk"]: row for row in queries.office_overview(first=[office.pk])}
    assert rows[office.pk]["overdue_count"] >= 1
    assert rows[office.pk]["answered_count"] == 1
    assert queries.open_items_of_offices(manager.user).exists()
    assert DialogueSession.objects.get().points.count() == 3
    demo.load()  # a second run adds nothing
    assert Compliment.objects.count() == 3
