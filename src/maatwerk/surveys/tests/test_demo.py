from maatwerk.core.tests import factories
from maatwerk.surveys import demo
from maatwerk.surveys.models import AfterContactRule, Response, Survey
from maatwerk.surveys.results import summarise


def test_demo_step(adviser, office):
    factories.make_staff("Klantonderzoeker", offices=[office], username="onderzoeker")
    for _ in range(12):
        factories.make_client(contact_person=adviser)
    demo.load()
    demo.load()  # a second run adds nothing
    survey = Survey.objects.get(title=demo.TITLE)
    assert Response.objects.filter(survey=survey, completed_at__isnull=False).count() == 12
    assert not summarise(survey).suppressed
    assert Survey.objects.filter(kind="interview", status="published").count() == 1
    assert AfterContactRule.objects.filter(event_kind="appointment.held", is_active=True).exists()
