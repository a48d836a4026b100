"""Security review of messaging, appointments, serviceplan, letters and feedback.

Tests marked ``xfail(strict=True, reason="SECURITY: ...")`` prove a hole that is still open; the
fix removes the mark. The plain tests guard what was checked and found sound.
"""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from maatwerk.api.tests.helpers import token_for
from maatwerk.appointments.tests import helpers as appt
from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.feedback import actions as feedback_actions
from maatwerk.feedback.tests import helpers as fb
from maatwerk.letters import sandbox
from maatwerk.letters.tests.helpers import publish, write
from maatwerk.messaging import actions as messaging_actions
from maatwerk.messaging.models import Thread
from maatwerk.messaging.tests.helpers import PDF, client_writes, upload

pytestmark = pytest.mark.django_db


# --- shared set-up ------------------------------------------------------------------------------


@pytest.fixture
def other_client(other_adviser):
    """A second real client (with a log-in) of another adviser at the same office."""
    return factories.make_client(contact_person=other_adviser, user=True, first_name="Karin")


@pytest.fixture
def other_office(db):
    return factories.OfficeFactory()


@pytest.fixture
def far_manager(other_office):
    return factories.make_staff(
        "Vestigingsmanager", offices=[other_office], first_name="Olga", job_title="Manager"
    )


@pytest.fixture
def api(client):
    def _call(method, path, *, token=None, json=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs = {"headers": headers}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    return _call


# --- letters: the template sandbox --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "{{ client.__class__ }}",
        "{{ client.first_name.__class__.__mro__ }}",
        "{{ client.first_name|default:client.__init__ }}",
        "{{ client.items }}",
        "{{ client }}",
        "{{ settings.SECRET_KEY }}",
        "{{ client.first_name|slice:'1' }}",
        "{{ client.first_name|default:organisation.return_address }}",
        "{% if client.items %}x{% endif %}",
        "{% if client.first_name|upper == adviser.password %}x{% endif %}",
        "{% if not client.__class__ %}x{% endif %}",
        "{% load static %}",
        "{% include 'base.html' %}",
        "{% debug %}",
        "{% url 'core:home' %}",
        "{% csrf_token %}",
        "{% for x in client %}{{ x }}{% endfor %}",
        "{% with a=client %}{{ a }}{% endwith %}",
        "{% templatetag openvariable %}",
        "{{ client.first_name ",
        "{% verbatim %}{{ client }}{% endverbatim %}",
    ],
)
def test_sandbox_refuses_escape_attempts(text):
    assert sandbox.problems_in(text, max_length=sandbox.MAX_BODY_LENGTH)


def test_sandbox_output_is_escaped_in_html():
    html = sandbox.to_html(sandbox.render_text('{{ "<script>alert(1)</script>" }}', {}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_sandbox_too_long_text_is_refused_before_parsing():
    assert sandbox.problems_in("x" * (sandbox.MAX_BODY_LENGTH + 1), max_length=20_000)


def test_sandbox_deep_if_nesting_is_a_problem_not_a_crash():
    text = "{% if date %}" * 800 + "x" + "{% endif %}" * 800
    assert len(text) <= sandbox.MAX_BODY_LENGTH
    assert sandbox.problems_in(text, max_length=sandbox.MAX_BODY_LENGTH)


def test_sandbox_deep_not_chain_is_a_problem_not_a_crash():
    text = "{% if " + "not " * 4900 + "date %}x{% endif %}"
    assert len(text) <= sandbox.MAX_BODY_LENGTH
    assert sandbox.problems_in(text, max_length=sandbox.MAX_BODY_LENGTH)


def test_letter_preview_with_deep_nesting_is_not_a_500(login, editor):
    body = "{% if date %}" * 800 + "x" + "{% endif %}" * 800
    response = login(editor.user).post(
        reverse("letters:preview"), {"subject": "Onderwerp", "body": body}
    )
    assert response.status_code == 200


def test_letter_subject_with_carriage_return_is_refused():
    with pytest.raises(Exception) as found:
        sandbox.validate("Welkom\rBcc: iemand@example.org", "Beste {{ client.first_name }},")
    assert "subject" in found.value.message_dict


def test_letter_subject_with_newline_is_refused():
    with pytest.raises(Exception) as found:
        sandbox.validate("Welkom\nBcc: iemand@example.org", "Beste {{ client.first_name }},")
    assert "subject" in found.value.message_dict


def test_letter_pdf_fetches_nothing():
    from maatwerk.letters import document

    with pytest.raises(document.NoFetching):
        document._refuse("http://example.org/x.png")


# --- letters: who sees which letter -------------------------------------------------------------


@pytest.fixture
def published(editor, jurist, reader):
    return publish(
        write(editor), editor=editor, jurist=jurist, reader=reader, justification="x" * 30
    )


@pytest.fixture
def sent_letter(published, client_record, adviser):
    from maatwerk.letters import actions as letter_actions

    client_record.street, client_record.house_number = "Laan", "1"
    client_record.postal_code, client_record.city = "1234 AB", "Utrecht"
    client_record.save()
    return letter_actions.send_letter(
        client=client_record, template=published.template, channel="post", by_user=adviser.user
    )


def test_client_cannot_open_another_clients_letter(login, sent_letter, other_client):
    web = login(other_client.user)
    assert web.get(reverse("letters:mine_detail", args=[sent_letter.pk])).status_code == 404
    assert web.get(reverse("letters:mine_pdf", args=[sent_letter.pk])).status_code == 404


def test_staff_without_ground_is_sent_to_the_reason_page_for_a_letter(
    login, sent_letter, other_adviser
):
    response = login(other_adviser.user).get(reverse("letters:sent", args=[sent_letter.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("clients:access_reason", args=[sent_letter.client_id])


def test_compare_with_huge_version_numbers_is_not_a_500(login, editor, published):
    url = reverse("letters:compare", args=[published.template_id])
    response = login(editor.user).get(url, {"van": "9" * 30, "naar": "1"})
    assert response.status_code == 200


def test_send_letter_token_is_bound_to_the_client(
    published, sent_letter, other_client, other_adviser
):
    from maatwerk.letters import actions as letter_actions

    other_client.street, other_client.house_number = "Laan", "2"
    other_client.postal_code, other_client.city = "1234 AB", "Utrecht"
    other_client.save()
    with pytest.raises(ValidationError, match="al gebruikt"):
        letter_actions.send_letter(
            client=other_client,
            template=published.template,
            channel="post",
            by_user=other_adviser.user,
            submission_token=sent_letter.submission_token,
        )
    assert not other_client.letters.exists()


# --- messaging ----------------------------------------------------------------------------------


@pytest.fixture
def thread(client_record):
    return client_writes(
        client_record, body="<b>Mijn schulden</b>", attachments=[upload("brief.pdf", PDF)]
    ).thread


def test_client_cannot_read_or_write_another_clients_thread(login, thread, other_client):
    web = login(other_client.user)
    url = reverse("messaging:client_thread", args=[thread.pk])
    assert web.get(url).status_code == 404
    assert web.post(url, {"body": "hallo"}).status_code == 404
    attachment = thread.messages.first().attachments.first()
    url = reverse("messaging:client_attachment", args=[thread.pk, attachment.pk])
    assert web.get(url).status_code == 404


def test_client_cannot_reach_an_attachment_through_their_own_thread(login, thread, other_client):
    own = client_writes(other_client).thread
    attachment = thread.messages.first().attachments.first()
    url = reverse("messaging:client_attachment", args=[own.pk, attachment.pk])
    assert login(other_client.user).get(url).status_code == 404


def test_attachment_is_a_download_never_inline(login, thread, client_record):
    attachment = thread.messages.first().attachments.first()
    url = reverse("messaging:client_attachment", args=[thread.pk, attachment.pk])
    response = login(client_record.user).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"


def test_html_disguised_as_pdf_is_refused(client_record):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        client_writes(
            client_record, attachments=[upload("x.pdf", b"<html><script>1</script>", "text/html")]
        )


def test_attachment_name_cannot_traverse(client_record):
    message = client_writes(client_record, attachments=[upload("../../etc/passwd.pdf", PDF)])
    attachment = message.attachments.first()
    assert "/" not in attachment.original_name and ".." not in attachment.original_name
    assert ".." not in attachment.file.name


def test_staff_without_ground_must_give_a_reason_for_a_thread(login, thread, other_adviser):
    response = login(other_adviser.user).get(reverse("messaging:staff_thread", args=[thread.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("messaging:access_reason", args=[thread.pk])


def test_staff_of_another_office_is_refused_a_thread(login, thread, far_manager):
    response = login(far_manager.user).get(reverse("messaging:staff_thread", args=[thread.pk]))
    # A manager elsewhere may give a reason (view_client_with_reason), never read directly.
    assert response.status_code in (302, 403)
    assert "Mijn schulden" not in response.content.decode()


def test_take_and_complete_are_post_only(login, thread, adviser):
    web = login(adviser.user)
    assert web.get(reverse("messaging:take", args=[thread.pk])).status_code == 405


def test_reply_mail_holds_no_body_and_no_newline_in_subject(
    django_capture_on_commit_callbacks, thread, adviser
):
    with django_capture_on_commit_callbacks(execute=True):
        messaging_actions.reply(thread=thread, author=adviser, body="Geheim: uw schuld is 900 euro")
    assert len(mail.outbox) == 1
    assert "900 euro" not in mail.outbox[0].body
    assert "\n" not in mail.outbox[0].subject


def test_client_message_is_escaped_on_the_staff_page(login, thread, adviser):
    content = login(adviser.user).get(reverse("messaging:staff_thread", args=[thread.pk])).content
    assert b"<b>Mijn schulden</b>" not in content
    assert b"&lt;b&gt;Mijn schulden&lt;/b&gt;" in content


def test_client_message_token_is_bound_to_the_client(thread, other_client):
    token = uuid.uuid4()
    client_writes(thread.client, token=token)
    with pytest.raises(ValidationError, match="al gebruikt"):
        client_writes(other_client, token=token)
    assert not Thread.objects.filter(client=other_client).exists()


def test_api_thread_needs_a_reason_without_ground(api, thread, other_adviser):
    token = token_for(other_adviser.user)
    response = api("get", f"/api/berichten/threads/{thread.pk}", token=token)
    assert response.status_code == 403
    assert response.json()["code"] == "reason_required"
    assert "Mijn schulden" not in response.content.decode()


def test_api_thread_of_another_office_is_refused(api, thread, far_manager):
    token = token_for(far_manager.user)
    response = api("get", f"/api/berichten/threads/{thread.pk}", token=token)
    assert "Mijn schulden" not in response.content.decode()
    assert response.status_code == 403


def test_api_garbage_and_huge_ids_are_404(api, adviser):
    token = token_for(adviser.user)
    for path in (
        f"/api/berichten/threads/{2**70}",
        f"/api/berichten/clients/{2**70}/threads",
        f"/api/plannen/{2**70}",
        f"/api/reacties/{2**70}",
    ):
        # With a reason; without one an unknown client id asks for it (ADR 0030).
        response = api("get", f"{path}?reason=Collega+is+vandaag+ziek", token=token)
        assert response.status_code == 404, path


# --- appointments -------------------------------------------------------------------------------


@pytest.fixture
def booked(client_record, adviser, office):
    appt.available(adviser, office)
    return appt.book(client_record, office, appt.at(appt.workday(), 10))


def test_client_cannot_see_move_or_cancel_another_clients_appointment(login, booked, other_client):
    web = login(other_client.user)
    for name in ("detail", "cancel", "move"):
        assert web.get(reverse(f"appointments:{name}", args=[booked.pk])).status_code == 404
    assert web.post(reverse("appointments:cancel", args=[booked.pk])).status_code == 404
    booked.refresh_from_db()
    assert booked.status == booked.Status.BOOKED


def test_staff_without_ground_cannot_open_or_cancel_an_appointment(login, booked, other_adviser):
    web = login(other_adviser.user)
    assert web.get(reverse("appointments:staff_detail", args=[booked.pk])).status_code == 403
    assert web.post(reverse("appointments:staff_cancel", args=[booked.pk])).status_code == 403
    booked.refresh_from_db()
    assert booked.status == booked.Status.BOOKED


def test_manager_of_another_office_cannot_touch_availability(login, adviser, office, far_manager):
    block = appt.available(adviser, office, days=[0])[0]
    response = login(far_manager.user).post(
        reverse("appointments:availability_remove", args=[block.pk])
    )
    assert response.status_code == 403


def test_manager_of_another_office_cannot_read_an_agenda(login, adviser, far_manager):
    response = login(far_manager.user).get(
        reverse("appointments:agenda"), {"medewerker": adviser.pk}
    )
    assert response.status_code == 404


def test_confirm_with_a_far_future_moment_is_not_a_500(login, client_record, office):
    response = login(client_record.user).get(
        reverse("appointments:confirm"),
        {"vestiging": office.pk, "soort": appt.kind().pk, "tijd": "9999-12-31T23:45:00+00:00"},
    )
    assert response.status_code in (200, 302, 400)


def test_agenda_with_the_first_possible_day_is_not_a_500(login, adviser):
    response = login(adviser.user).get(reverse("appointments:agenda"), {"dag": "0001-01-01"})
    assert response.status_code in (200, 400)


def test_agenda_with_a_unicode_digit_is_not_a_500(login, adviser):
    response = login(adviser.user).get(reverse("appointments:agenda"), {"medewerker": "²"})
    assert response.status_code in (200, 400, 404)


def test_agenda_with_a_huge_staff_id_is_not_a_500(login, adviser):
    response = login(adviser.user).get(reverse("appointments:agenda"), {"medewerker": "9" * 30})
    assert response.status_code in (200, 404)


def test_booking_mail_holds_no_other_people(
    django_capture_on_commit_callbacks, client_record, office, adviser
):
    appt.available(adviser, office)
    with django_capture_on_commit_callbacks(execute=True):
        appt.book(client_record, office, appt.at(appt.workday(), 11))
    assert mail.outbox and mail.outbox[-1].to == [client_record.email]
    assert "\n" not in mail.outbox[-1].subject


# --- service plan -------------------------------------------------------------------------------


def test_client_plan_page_shows_only_their_own_plan(
    login, client_record, other_client, adviser, other_adviser
):
    from maatwerk.serviceplan import actions as plan_actions
    from maatwerk.serviceplan.models import ServiceType

    def decide(client, code, by):
        service = ServiceType.objects.get(code=code)
        plan_actions.decide_plan(
            client=client, services=[service], reason="Test in de review.", user=by.user
        )
        return service.name

    theirs = decide(client_record, "netwerktraining", adviser)
    own = decide(other_client, "workshop-solliciteren", other_adviser)
    response = login(other_client.user).get(reverse("serviceplan:mine"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["plan"].plan.client_id == other_client.pk
    assert f"<strong>{own}</strong>" in html
    assert f"Gemaakt door {other_adviser.full_name}" in html
    assert f"<strong>{theirs}</strong>" not in html
    assert f"Gemaakt door {adviser.full_name}" not in html


def test_staff_without_ground_is_sent_to_the_reason_page_for_a_plan(
    login, client_record, other_adviser
):
    web = login(other_adviser.user)
    response = web.get(reverse("serviceplan:plan", args=[client_record.pk]))
    assert response["Location"] == reverse("clients:access_reason", args=[client_record.pk])
    response = web.post(reverse("serviceplan:propose", args=[client_record.pk]))
    assert response["Location"] == reverse("clients:access_reason", args=[client_record.pk])


def test_staff_of_another_office_cannot_reach_a_plan_through_the_api(
    api, client_record, far_manager
):
    token = token_for(far_manager.user)
    response = api("get", f"/api/plannen/{client_record.pk}", token=token)
    assert response.status_code == 403
    assert response.json()["code"] == "reason_required"


def test_api_plan_read_is_audited(api, client_record, adviser):
    before = AuditEntry.objects.count()
    response = api("get", f"/api/plannen/{client_record.pk}", token=token_for(adviser.user))
    assert response.status_code == 200
    assert AuditEntry.objects.count() > before


def test_call_list_of_a_colleague_is_refused_for_an_adviser(login, adviser, other_adviser):
    response = login(adviser.user).get(
        reverse("serviceplan:call_list"), {"adviseur": other_adviser.pk}
    )
    assert response.status_code == 403


def test_call_list_with_an_extreme_day_is_not_a_500(login, adviser):
    response = login(adviser.user).get(reverse("serviceplan:call_list"), {"datum": "0001-01-01"})
    assert response.status_code == 400


# --- feedback -----------------------------------------------------------------------------------


def test_client_cannot_read_another_clients_feedback(login, client_record, other_client):
    item = fb.submit(client_record)
    response = login(other_client.user).get(reverse("feedback:client_item", args=[item.pk]))
    assert response.status_code == 404


def test_staff_who_is_not_owner_or_manager_cannot_read_feedback(
    login, client_record, other_adviser
):
    item = fb.submit(client_record)
    assert item.owner_id != other_adviser.pk
    web = login(other_adviser.user)
    assert web.get(reverse("feedback:staff_item", args=[item.pk])).status_code == 403
    assert (
        web.post(reverse("feedback:staff_answer", args=[item.pk]), {"answer": "x"}).status_code
        == 403
    )


def test_manager_of_another_office_cannot_read_or_reassign_feedback(
    login, client_record, far_manager, other_adviser
):
    item = fb.submit(client_record)
    web = login(far_manager.user)
    assert web.get(reverse("feedback:staff_item", args=[item.pk])).status_code == 403
    response = web.post(
        reverse("feedback:staff_reassign", args=[item.pk]),
        {"new_owner": other_adviser.pk, "reason": "Dat doe ik even anders."},
    )
    assert response.status_code == 403


def test_api_feedback_of_someone_else_is_404(api, client_record, other_adviser):
    item = fb.submit(client_record)
    response = api("get", f"/api/reacties/{item.pk}", token=token_for(other_adviser.user))
    assert response.status_code == 404


def test_anonymous_compliment_hides_the_client_from_the_employee(login, client_record, adviser):
    fb.compliment(client_record, adviser, anonymous=True)
    content = login(adviser.user).get(reverse("feedback:my_compliments")).content.decode()
    assert client_record.full_name not in content


def test_compliment_mail_holds_no_text_and_no_client_name(
    django_capture_on_commit_callbacks, client_record, adviser
):
    with django_capture_on_commit_callbacks(execute=True):
        fb.compliment(client_record, adviser, text="Geheime lof voor u")
    assert mail.outbox
    assert "Geheime lof" not in mail.outbox[-1].body
    assert client_record.surname not in mail.outbox[-1].body


def test_client_cannot_compliment_staff_of_another_office(client_record, far_manager):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        fb.compliment(client_record, far_manager)


def test_manager_of_another_office_cannot_change_an_improvement_point(
    login, manager, office, adviser, far_manager
):
    session, _found = fb.session(manager.user, office)
    point = feedback_actions.add_improvement_point(
        session=session, by_user=manager.user, text="Sneller terugbellen.", owner=adviser
    )
    web = login(far_manager.user)
    assert web.get(reverse("feedback:point_detail", args=[point.pk])).status_code == 403


def test_manager_of_another_office_cannot_open_its_sessions(login, manager, office, far_manager):
    session, _found = fb.session(manager.user, office)
    web = login(far_manager.user)
    assert web.get(reverse("feedback:session_detail", args=[session.pk])).status_code in (403, 404)


# --- the API: bad input and existence oracles ---------------------------------------------------


def test_api_free_slots_at_the_end_of_time_is_not_a_500(api, adviser, office):
    path = (
        f"/api/afspraken/vestigingen/{office.pk}/vrije-tijden"
        "?type_code=gesprek-werkplein&first_day=9999-12-31&days=2"
    )
    response = api("get", path, token=token_for(adviser.user))
    assert response.status_code in (200, 422)


def test_api_plan_does_not_reveal_which_clients_exist(api, client_record, office):
    from maatwerk.api.tests.helpers import staff_with_only

    outsider = staff_with_only("access.use_api", offices=[office])
    token = token_for(outsider.user)
    known = api("get", f"/api/plannen/{client_record.pk}", token=token)
    unknown = api("get", f"/api/plannen/{client_record.pk + 1000}", token=token)
    assert known.status_code == unknown.status_code


def test_api_messaging_does_not_reveal_which_clients_exist(api, client_record, office):
    from maatwerk.api.tests.helpers import staff_with_only

    outsider = staff_with_only("access.use_api", offices=[office])
    token = token_for(outsider.user)
    known = api("get", f"/api/berichten/clients/{client_record.pk}/threads", token=token)
    unknown = api("get", f"/api/berichten/clients/{client_record.pk + 1000}/threads", token=token)
    assert known.status_code == unknown.status_code == 403


# --- practice accounts --------------------------------------------------------------------------


@pytest.fixture
def practice(adviser):
    from maatwerk.portal.actions import open_practice_account

    return open_practice_account(staff=adviser)


@pytest.fixture
def practising(login, adviser, practice):
    from maatwerk.portal.queries import PRACTICE_SESSION_KEY

    web = login(adviser.user)
    session = web.session
    session[PRACTICE_SESSION_KEY] = practice.pk
    session.save()
    return web


def test_practice_threads_stay_out_of_colleagues_reach(login, practice, other_adviser, manager):
    thread = client_writes(practice).thread
    for colleague in (other_adviser, manager):
        web = login(colleague.user)
        assert web.get(reverse("messaging:staff_thread", args=[thread.pk])).status_code == 403
        assert web.post(reverse("messaging:take", args=[thread.pk])).status_code == 403


def test_practice_threads_are_unknown_to_the_api(api, practice, adviser):
    thread = client_writes(practice).thread
    path = f"/api/berichten/threads/{thread.pk}?reason=Collega+is+vandaag+ziek"
    response = api("get", path, token=token_for(adviser.user))
    assert response.status_code == 404


def test_practice_booking_never_takes_a_real_colleagues_time(practice, other_adviser, office):
    appt.available(other_adviser, office)
    moment = appt.at(appt.workday(), 10)
    with pytest.raises(ValidationError, match="oefenaccount"):
        appt.book(practice, office, moment, user=practice.practice_owner.user)
    appt.available(practice.practice_owner, office)
    appointment = appt.book(practice, office, moment, user=practice.practice_owner.user)
    assert appointment.staff_id == practice.practice_owner_id


def test_practice_compliment_does_not_reach_real_colleagues(
    django_capture_on_commit_callbacks, practice, other_adviser
):
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True):
        try:
            fb.compliment(practice, other_adviser, text="Oefencompliment")
        except ValidationError:
            return
    assert not any(other_adviser.email in m.to for m in mail.outbox)


# --- routes: methods, CSRF, who reaches what ----------------------------------------------------


def test_attachments_are_never_served_by_the_media_view(login, thread, other_client):
    attachment = thread.messages.first().attachments.first()
    assert "." not in attachment.file.name.rsplit("/", 1)[-1]
    response = login(other_client.user).get(f"/media/{attachment.file.name}")
    assert response.status_code == 404


def test_staff_of_another_office_cannot_take_a_thread(login, thread, far_manager):
    response = login(far_manager.user).post(reverse("messaging:take", args=[thread.pk]))
    assert response.status_code == 403
    thread.refresh_from_db()
    assert thread.assigned_to_id is None


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("appointments:outcome", [1]),
        ("appointments:staff_cancel", [1]),
        ("appointments:availability_remove", [1]),
        ("letters:publish", [1]),
        ("letters:submit", [1]),
        ("letters:install_shipped", []),
        ("feedback:staff_start", [1]),
        ("feedback:staff_answer", [1]),
        ("serviceplan:propose", [1]),
        ("messaging:complete_follow_up", [1]),
    ],
)
def test_state_changes_refuse_get(login, manager, name, args):
    # 405 from require_POST, or 403 when the decorator already refuses the role.
    assert login(manager.user).get(reverse(name, args=args)).status_code in (403, 405)


def test_posting_without_a_csrf_token_is_refused(client_record):
    from django.test import Client

    web = Client(enforce_csrf_checks=True)
    web.force_login(client_record.user)
    response = web.post(reverse("messaging:client_new"), {"subject": "x", "body": "y"})
    assert response.status_code == 403


def test_clients_cannot_reach_staff_pages(login, client_record, thread):
    web = login(client_record.user)
    for url in (
        reverse("messaging:inbox"),
        reverse("messaging:staff_thread", args=[thread.pk]),
        reverse("appointments:agenda"),
        reverse("serviceplan:plan", args=[client_record.pk]),
        reverse("letters:client_letters", args=[client_record.pk]),
        reverse("feedback:staff_list"),
    ):
        assert web.get(url).status_code == 403, url


def test_council_member_cannot_use_the_editor_preview(login, reader):
    response = login(reader.user).post(reverse("letters:preview"), {"subject": "x", "body": "y"})
    assert response.status_code == 403


def test_reason_given_for_a_thread_is_audited(login, thread, other_adviser):
    web = login(other_adviser.user)
    web.post(
        reverse("messaging:access_reason", args=[thread.pk]),
        {"reason": "Collega ziek, ik neem waar deze week."},
    )
    response = web.get(reverse("messaging:staff_thread", args=[thread.pk]))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(
        actor_user_id=other_adviser.user.pk,
        client_id=thread.client_id,
        reason__icontains="Collega ziek",
    ).exists()


GARBAGE = {
    # (?dag=9999-12-31 and ?dag=0001-01-01 on the agenda are the xfail test above.)
    "pagina": "9" * 25,
    "week": "-99999999999999999999",
    "dag": "2026-02-30",
    "datum": "9999-12-31",
    "medewerker": "-1",
    "adviseur": "abc",
    "lijst": "<x>",
    "status": "\x00",
    "van": "0",
    "naar": "-5",
    "tijd": "2026-13-45T99:99",
    "vestiging": "9" * 25,
    "soort": "abc",
    "begintekst": "brief-" + "9" * 25,
    "naam": "%" * 300,
    "bereik": "vestiging",
}


@pytest.fixture
def world(client_record, adviser, manager, office, editor, published, thread, booked):
    item = fb.submit(client_record)
    session, _found = fb.session(manager.user, office)
    return {
        "client": client_record,
        "thread": thread,
        "appointment": booked,
        "item": item,
        "session": session,
        "template": published.template,
    }


def _garbage_urls(world):
    c, t, a = world["client"], world["thread"], world["appointment"]
    staff_urls = [
        reverse("messaging:inbox"),
        reverse("messaging:staff_thread", args=[t.pk]),
        reverse("appointments:agenda"),
        reverse("appointments:availability"),
        reverse("appointments:staff_detail", args=[a.pk]),
        reverse("appointments:staff_choose", args=[c.pk]),
        reverse("appointments:staff_slots", args=[c.pk]),
        reverse("appointments:staff_confirm", args=[c.pk]),
        reverse("serviceplan:plan", args=[c.pk]),
        reverse("serviceplan:call_list"),
        reverse("letters:client_letters", args=[c.pk]),
        reverse("feedback:staff_list"),
        reverse("feedback:office_overview"),
        reverse("feedback:staff_item", args=[world["item"].pk]),
        reverse("feedback:session_list"),
        reverse("feedback:session_detail", args=[world["session"].pk]),
        reverse("feedback:my_compliments"),
        reverse("feedback:office_compliments"),
    ]
    client_urls = [
        reverse("messaging:client_inbox"),
        reverse("messaging:client_thread", args=[t.pk]),
        reverse("appointments:mine"),
        reverse("appointments:choose"),
        reverse("appointments:slots"),
        reverse("appointments:confirm"),
        reverse("appointments:detail", args=[a.pk]),
        reverse("appointments:move", args=[a.pk]),
        reverse("serviceplan:mine"),
        reverse("letters:mine"),
        reverse("feedback:client_overview"),
        reverse("feedback:compliment_new"),
    ]
    return staff_urls, client_urls


GARBAGE_2 = {
    "pagina": "-1",
    "week": "53",
    "dag": "abc",
    "datum": "0001-01-01",
    "medewerker": "9" * 25,
    "adviseur": "9" * 25,
    "lijst": "open",
    "status": "te-laat",
    "tijd": "9999-12-31T23:45:00",
    "vestiging": "-1",
    "soort": "-1",
    "q": "x" * 5000,
}


@pytest.mark.parametrize("params", [GARBAGE, GARBAGE_2], ids=["garbage", "garbage2"])
def test_garbage_query_parameters_never_give_a_500(client, world, manager, adviser, editor, params):
    staff_urls, client_urls = _garbage_urls(world)
    failures = []
    for user, urls in (
        (manager.user, staff_urls),
        (adviser.user, staff_urls),
        (world["client"].user, client_urls),
    ):
        client.force_login(user)
        for url in urls:
            try:
                status = client.get(url, params).status_code
            except Exception as error:  # noqa: BLE001  (a 500 in the test client)
                failures.append(f"{url}: {type(error).__name__}: {error}")
            else:
                if status >= 500:
                    failures.append(f"{url}: {status}")
    assert not failures, failures


POST_GARBAGE = {
    "body": "x" * 200_000,
    "subject": "a\r\nBcc: x@example.org",
    "submission_token": "not-a-uuid",
    "tijd": "9999-12-31T23:45:00+00:00",
    "vestiging": "9" * 25,
    "soort": "9" * 25,
    "uitkomst": "<x>",
    "reason": "\x00" * 20,
    "to_staff": "9" * 25,
    "services": ["9" * 25, "abc"],
    "service": "9" * 25,
    "why": "x" * 100_000,
    "answer": "",
    "new_owner": "-1",
    "deadline": "0001-01-01",
    "status": "x",
    "channel": "fax",
    "decision": "approve",
    "text": "",
}


def test_garbage_posts_never_give_a_500(client, world, manager, adviser):
    c, t, a, item = world["client"], world["thread"], world["appointment"], world["item"]
    staff_urls = [
        reverse("messaging:staff_thread", args=[t.pk]),
        reverse("messaging:hand_over", args=[t.pk]),
        reverse("appointments:outcome", args=[a.pk]),
        reverse("appointments:staff_confirm", args=[c.pk]),
        reverse("serviceplan:plan", args=[c.pk]),
        reverse("letters:compose", args=[c.pk, world["template"].pk]),
        reverse("feedback:staff_answer", args=[item.pk]),
        reverse("feedback:staff_reassign", args=[item.pk]),
        reverse("feedback:staff_deadline", args=[item.pk]),
        reverse("feedback:session_new"),
    ]
    client_urls = [
        reverse("messaging:client_new"),
        reverse("messaging:client_thread", args=[t.pk]),
        reverse("appointments:confirm"),
        reverse("appointments:move", args=[a.pk]),
        reverse("serviceplan:mine"),
        reverse("feedback:client_new"),
        reverse("feedback:compliment_new"),
    ]
    failures = []
    for user, urls in ((manager.user, staff_urls), (c.user, client_urls)):
        client.force_login(user)
        for url in urls:
            try:
                status = client.post(url, POST_GARBAGE).status_code
            except Exception as error:  # noqa: BLE001  (a 500 in the test client)
                failures.append(f"{url}: {type(error).__name__}: {error}")
            else:
                if status >= 500:
                    failures.append(f"{url}: {status}")
    assert not failures, failures


def test_api_reply_token_cannot_fetch_another_threads_reply(
    api, thread, adviser, other_adviser, other_client
):
    token = uuid.uuid4()
    messaging_actions.reply(
        thread=thread, author=adviser, body="Uw schuld is 900 euro", token=token
    )
    own_thread = client_writes(other_client).thread
    response = api(
        "post",
        f"/api/berichten/threads/{own_thread.pk}/replies",
        token=token_for(other_adviser.user),
        json={"text": "Dag Karin", "submission_token": str(token)},
    )
    assert "900 euro" not in response.content.decode()
