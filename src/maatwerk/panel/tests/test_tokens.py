"""Invitation links: unguessable tokens, stored hashed; forged, foreign, expired or used links
get a clear Dutch message; a completed response marks the invitation answered."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from maatwerk.panel import actions, queries, tasks
from maatwerk.panel.models import Invitation, PanelSurvey

from .helpers import make_members, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(adviser, researcher, no_worker):
    clients = make_members(3, adviser=adviser)
    plan = actions.confirm_plan(plan=make_plan(researcher, target=3), user=researcher.user)
    tasks.run_invitations(plan.pk)
    links = {}
    for message in mail.outbox:
        links[message.to[0]] = re.search(r"https://maatwerk\.example(\S+)", message.body).group(1)
    return plan, clients, links


def _token(path):
    return path.rstrip("/").rsplit("/", 1)[-1]


def test_tokens_are_long_random_and_stored_hashed(sent):
    plan, clients, links = sent
    tokens = {_token(link) for link in links.values()}
    assert len(tokens) == 3 and all(len(t) >= 40 for t in tokens)
    hashes = set(plan.outbox.values_list("token_hash", flat=True))
    assert not tokens & hashes
    assert {queries.hash_token(t) for t in tokens} == hashes


def test_good_link_leads_to_the_survey(sent, login):
    plan, clients, links = sent
    client = clients[0]
    response = login(client.user).get(links[client.email])
    try:
        answer = reverse("surveys:answer", kwargs={"survey_pk": plan.survey.pk})
    except NoReverseMatch:
        assert response.status_code == 200
        assert "niet beschikbaar" in response.text
    else:
        assert response.status_code == 302
        assert response.url.startswith(answer) and "uitnodiging=" in response.url


@pytest.mark.parametrize("token", ["verzonnen", "x" * 43, "a" * 101, "%3Cscript%3E", "' OR 1=1 --"])
def test_forged_link_gets_a_clear_message(sent, login, token):
    plan, clients, links = sent
    response = login(clients[0].user).get(f"/mijn/panel/uitnodiging/{token}/")
    assert response.status_code == 200
    assert "Deze link klopt niet." in response.text


def test_link_of_another_client_reads_like_a_forged_one(sent, login):
    plan, clients, links = sent
    response = login(clients[1].user).get(links[clients[0].email])
    assert "Deze link klopt niet." in response.text


def test_expired_link(sent, login):
    plan, clients, links = sent
    PanelSurvey.objects.filter(pk=plan.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    response = login(clients[0].user).get(links[clients[0].email])
    assert "Deze uitnodiging is verlopen." in response.text


def test_closed_survey_link(sent, login):
    plan, clients, links = sent
    survey = plan.survey
    survey.status, survey.closed_at = "closed", timezone.now()
    survey.save()
    assert "verlopen" in login(clients[0].user).get(links[clients[0].email]).text


def test_link_after_leaving_the_panel(sent, login):
    plan, clients, links = sent
    actions.leave(client=clients[0], user=None)
    response = login(clients[0].user).get(links[clients[0].email])
    assert "U doet niet meer mee aan het klantpanel." in response.text


def test_completed_response_marks_the_invitation_answered(sent, login):
    from maatwerk.surveys.signals import response_completed

    plan, clients, links = sent
    token = _token(links[clients[0].email])
    response_completed.send(
        sender=None, response=None, survey=plan.survey, client=clients[0], invitation_token=token
    )
    invitation = plan.invitations.get(client=clients[0])
    assert invitation.answered_at is not None
    assert "al ingevuld" in login(clients[0].user).get(links[clients[0].email]).text
    # Without a token (answered from the portal) the client's invitation is found too.
    response_completed.send(
        sender=None, response=None, survey=plan.survey, client=clients[1], invitation_token=""
    )
    assert plan.invitations.get(client=clients[1]).answered_at is not None
    # A forged token changes nothing.
    actions.mark_answered(survey=plan.survey, client=None, token="verzonnen")
    assert Invitation.objects.filter(answered_at__isnull=False).count() == 2


def test_client_sees_their_invitations(sent, login):
    plan, clients, links = sent
    page = login(clients[0].user).get(reverse("panel:home")).text
    assert plan.survey.title in page
