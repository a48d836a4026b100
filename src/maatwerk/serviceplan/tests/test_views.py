"""The pages: the client's "Mijn plan" (B1, only their own plan) and the adviser's plan page."""

import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.serviceplan import actions, queries
from maatwerk.serviceplan.models import PlanVersion, ServiceRequest

from .helpers import NETWORK, TALK, WORKSHOP, codes, service

pytestmark = pytest.mark.django_db


def test_client_sees_their_plan_and_next_conversation(login, client_record, adviser):
    actions.decide_plan(client=client_record, services=[service(TALK)], user=adviser.user)
    response = login(client_record.user).get(reverse("serviceplan:mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Persoonlijk gesprek" in html and "Online basis" in html
    assert service(TALK).description in html
    assert "Uw volgende gesprek" in html
    assert adviser.full_name in html
    offered = set(
        response.context["form"].fields["service"].queryset.values_list("code", flat=True)
    )
    assert TALK not in offered and WORKSHOP in offered  # what is in the plan is not offered


def test_client_without_plan(login, client_record):
    html = login(client_record.user).get(reverse("serviceplan:mine")).content.decode()
    assert "Uw plan is nog niet klaar" in html


def test_client_never_sees_another_clients_plan(login, client_record, adviser):
    other = factories.make_client(contact_person=adviser, user=True, first_name="Kees")
    actions.decide_plan(
        client=other,
        services=[service(TALK), service(NETWORK)],
        reason="Alleen voor Kees, geheim.",
        user=adviser.user,
    )
    html = login(client_record.user).get(reverse("serviceplan:mine")).content.decode()
    assert "Netwerktraining</strong>" not in html and "Kees" not in html


def test_client_asks_for_a_service(login, client_record):
    web = login(client_record.user)
    page = web.get(reverse("serviceplan:mine"))
    token = page.context["form"]["submission_token"].value()
    data = {
        "service": service(WORKSHOP).pk,
        "why": "<script>alert(1)</script> Ik wil oefenen.",
        "submission_token": token,
    }
    first = web.post(reverse("serviceplan:mine"), data)
    again = web.post(reverse("serviceplan:mine"), data)  # double submit
    assert first.status_code == again.status_code == 302
    assert ServiceRequest.objects.count() == 1
    html = web.get(reverse("serviceplan:mine")).content.decode()
    assert "Workshop solliciteren (gevraagd op" in html
    portal = web.get(reverse("portal:home")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in portal and "<script>alert" not in portal


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"why": "Graag"}, "Kies waar u om wilt vragen."),
        ({"service": "999999", "why": "Graag"}, "Kies een dienst uit de lijst."),
        ({"service": "abc", "why": "Graag"}, "Kies een dienst uit de lijst."),
        ({"service": "WORKSHOP", "why": ""}, "Schrijf kort waarom u dit wilt."),
        ({"service": "WORKSHOP", "why": "x" * 501}, "Gebruik maximaal 500 tekens."),
        ({"service": "BASE", "why": "Graag"}, "Kies een dienst uit de lijst."),
    ],
)
def test_client_request_bad_input(login, client_record, data, message):
    data = dict(data)
    if data.get("service") == "WORKSHOP":
        data["service"] = service(WORKSHOP).pk
    if data.get("service") == "BASE":
        data["service"] = service("online-basis").pk
    response = login(client_record.user).post(reverse("serviceplan:mine"), data)
    assert response.status_code == 200  # the form again, with the error next to the field
    assert message in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_adviser_decides_on_the_plan_page(login, client_record, adviser):
    web = login(adviser.user)
    url = reverse("serviceplan:plan", args=[client_record.pk])
    web.post(reverse("serviceplan:propose", args=[client_record.pk]))
    page = web.get(url)
    assert page.status_code == 200
    assert AuditEntry.objects.filter(action="client.file_viewed", client_id=client_record.pk)
    form = page.context["form"]
    assert [str(pk) for pk in form.initial["services"]]  # the proposal is ticked
    token = form["submission_token"].value()
    # Deviating without a reason: a Dutch error next to the field, nothing saved.
    response = web.post(url, {"services": [service(WORKSHOP).pk], "submission_token": token})
    assert response.status_code == 200
    assert "Je wijkt af van het voorstel" in response.content.decode()
    assert not PlanVersion.objects.filter(status="decided").exists()
    response = web.post(
        url,
        {
            "services": [service(WORKSHOP).pk],
            "reason": "Cliënt wil eerst oefenen in een groep.",
            "submission_token": token,
        },
    )
    assert response.status_code == 302
    assert codes(queries.current_plan(client_record)) == {"online-basis", WORKSHOP}


def test_plan_page_bad_input(login, client_record, adviser):
    web = login(adviser.user)
    url = reverse("serviceplan:plan", args=[client_record.pk])
    for services in (["abc"], ["999999"]):
        response = web.post(url, {"services": services, "submission_token": "x"})
        assert response.status_code == 200
        assert not PlanVersion.objects.exists()
    assert "Kies diensten uit de lijst." in response.content.decode()
    assert web.get(reverse("serviceplan:plan", args=[999999])).status_code == 404


def test_conversation_of_another_client_is_not_found(login, client_record, adviser):
    other = factories.make_client(contact_person=adviser)
    actions.decide_plan(client=other, services=[service(TALK)], user=adviser.user)
    conversation = queries.next_conversation(other)
    url = reverse("serviceplan:conversation_held", args=[client_record.pk, conversation.pk])
    assert login(adviser.user).post(url).status_code == 404


def test_first_visit_shows_the_proposal_and_accepting_it_needs_no_reason(
    login, client_record, adviser
):
    web = login(adviser.user)
    url = reverse("serviceplan:plan", args=[client_record.pk])
    page = web.get(url)
    assert "Voorstel: jij beslist" in page.content.decode()
    assert not PlanVersion.objects.exists()  # looking stores nothing
    form = page.context["form"]
    response = web.post(
        url,
        {
            "services": list(form.initial["services"]),
            "submission_token": form["submission_token"].value(),
        },
    )
    assert response.status_code == 302
    version = queries.current_plan(client_record)
    assert not version.deviates
    assert codes(version) == {"online-basis", TALK}
