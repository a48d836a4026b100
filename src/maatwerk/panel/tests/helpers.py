"""Set-up for panel tests: members and plans through the real actions."""

import datetime as dt
import uuid

from django.utils import timezone

from maatwerk.core.tests import factories
from maatwerk.panel import actions
from maatwerk.panel.models import Topic


def published_survey(title="Hoe tevreden bent u?"):
    # The surveys app has no public action to publish yet; a published row is all we need.
    from maatwerk.surveys.models import Survey

    return Survey.objects.create(
        title=title, status=Survey.Status.PUBLISHED, published_at=timezone.now()
    )


def make_members(n, *, adviser, office=None, born=dt.date(1980, 5, 17), **overrides):
    clients = []
    for number in range(n):
        values = {
            "contact_person": adviser,
            "office": office,
            "date_of_birth": born,
            "email": f"lid{uuid.uuid4().hex[:10]}@example.org",
            "first_name": f"Lid{number}",
            "user": True,
        }
        client = factories.make_client(**(values | overrides))
        actions.join(client=client, user=None)
        clients.append(client)
    return clients


def make_plan(researcher, survey=None, *, target=10, strata=("region",), seed=7, **options):
    return actions.create_plan(
        user=researcher.user,
        survey=survey or published_survey(),
        topic=Topic.objects.order_by("pk").first(),
        target_size=target,
        strata=list(strata),
        seed=seed,
        submission_token=uuid.uuid4(),
        **options,
    )
