"""The researcher's pages: plan with Dutch errors, preview, send (once), remind."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from maatwerk.panel.models import PanelSurvey, Topic

from .helpers import make_members, published_survey

pytestmark = pytest.mark.django_db


def _post(researcher, login, **data):
    values = {
        "submission_token": str(uuid.uuid4()),
        "survey": published_survey().pk,
        "topic": Topic.objects.first().pk,
        "target_size": "5",
        "strata": ["region", "age", "duration"],
        "seed": "",
    } | data
    return login(researcher.user).post(reverse("panel:new"), values)


def test_bad_input_gets_dutch_errors_next_to_the_fields(researcher, login):
    response = _post(
        researcher,
        login,
        survey="999999",
        target_size="veel",
        strata=["schoenmaat"],
        seed="-1",
        rules_exception="on",
        exception_reason="",
    )
    assert response.status_code == 200
    text = response.text
    assert "Kies een gepubliceerde vragenlijst uit de lijst." in text
    assert "Vul een heel getal in, bijvoorbeeld 400." in text
    assert "Kies regio, leeftijd en/of duur uitkering." in text
    assert "Vul 0 of een hoger getal in." in text
    assert "uitzondering is (minstens 10 tekens)" in text
    assert not PanelSurvey.objects.exists()


def test_plan_preview_send_and_double_submit(
    adviser, researcher, login, django_capture_on_commit_callbacks
):
    make_members(8, adviser=adviser)
    token = str(uuid.uuid4())
    first = _post(researcher, login, submission_token=token)
    again = _post(researcher, login, submission_token=token)
    assert first.url == again.url  # the same draft, not a second one
    assert PanelSurvey.objects.count() == 1
    plan = PanelSurvey.objects.get()
    assert plan.seed is not None  # chosen and recorded
    preview = login(researcher.user).get(first.url).text
    assert "Voorbeeld van de steekproef" in preview
    assert "5 uitnodigingen versturen" in preview
    assert "Overgeslagen: kort geleden nog uitgenodigd" in preview
    with django_capture_on_commit_callbacks(execute=True):
        login(researcher.user).post(reverse("panel:send", args=[plan.pk]))
    assert len(mail.outbox) == 5
    with django_capture_on_commit_callbacks(execute=True):
        login(researcher.user).post(reverse("panel:send", args=[plan.pk]))  # resume: nothing new
    assert len(mail.outbox) == 5
    page = login(researcher.user).get(reverse("panel:plan", args=[plan.pk])).text
    assert "Uitnodigingen verstuurd: 5" in page
    response = login(researcher.user).post(reverse("panel:remind", args=[plan.pk]), follow=True)
    assert "Een herinnering kan pas vanaf" in response.text
    listing = login(researcher.user).get(reverse("panel:plans")).text
    assert plan.survey.title in listing


def test_release_needs_a_reason(adviser, researcher, login):
    from .helpers import make_plan

    plan = make_plan(researcher)
    response = login(researcher.user).post(
        reverse("panel:release", args=[plan.pk]), {"reason": ""}, follow=True
    )
    assert "Schrijf wat je hebt nagekeken." in response.text
