import uuid

import pytest
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.core import starting_text
from maatwerk.core.tests import factories
from maatwerk.messaging import actions
from maatwerk.messaging.models import FollowUp, Message, Thread

from .helpers import PDF, PNG, client_writes, upload

pytestmark = pytest.mark.django_db


def _post_new(browser, **data):
    values = {
        "subject": "Vraag over solliciteren",
        "body": "Hallo,\nik heb een vraag.",
        "submission_token": str(uuid.uuid4()),
    }
    values.update(data)
    return browser.post(reverse("messaging:client_new"), values)


# Client pages


def test_client_writes_a_message(login, client_record, adviser):
    browser = login(client_record.user)
    page = browser.get(reverse("messaging:client_new"))
    assert page.status_code == 200
    assert adviser.full_name in page.content.decode()
    response = _post_new(browser, attachment=upload("cv.pdf", PDF))
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("messaging:client_thread", args=[thread.pk])
    page = browser.get(response.url).content.decode()
    assert "Hallo,<br>ik heb een vraag." in page
    assert "cv.pdf" in page
    listing = browser.get(reverse("messaging:client_inbox")).content.decode()
    assert "Vraag over solliciteren" in listing and "2 werkdagen" in listing


def test_double_submit_creates_one_message(login, client_record):
    browser = login(client_record.user)
    token = str(uuid.uuid4())
    first = _post_new(browser, submission_token=token)
    second = _post_new(browser, submission_token=token)
    assert first.url == second.url
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    "data,field_error",
    [
        ({"body": ""}, "Schrijf uw bericht."),
        ({"body": "   "}, "Schrijf uw bericht."),
        ({"subject": ""}, "Schrijf een onderwerp."),
        ({"body": "x" * 5001}, "Het bericht is te lang: maximaal 5000 tekens, nu 5001."),
        ({"attachment": upload("nep.pdf", b"MZ\x90\x00")}, "Dit soort bestand kan niet mee."),
    ],
)
def test_bad_input_shows_a_dutch_error_and_saves_nothing(login, client_record, data, field_error):
    response = _post_new(login(client_record.user), **data)
    assert response.status_code == 200
    page = response.content.decode()
    assert field_error in page
    assert "utrecht-form-field-error-message" in page  # next to the field
    assert not Thread.objects.exists()


def test_script_is_shown_as_text(login, client_record, adviser):
    message = client_writes(client_record, body="<script>alert('x')</script>\n<b>vet</b>")
    actions.reply(thread=message.thread, author=adviser, body="<img src=x onerror=alert(1)>")
    page = login(client_record.user).get(
        reverse("messaging:client_thread", args=[message.thread_id])
    )
    html = page.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>&lt;b&gt;vet&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_client_sees_signed_reply_and_who_answers_instead(login, client_record, adviser, office):
    coach = factories.make_staff(
        "E-werkcoach", offices=[office], first_name="Eva", surname="Smit", job_title="E-werkcoach"
    )
    thread = client_writes(client_record).thread
    actions.reply(thread=thread, author=coach, body="Ik help u vandaag.")
    html = (
        login(client_record.user)
        .get(reverse("messaging:client_thread", args=[thread.pk]))
        .content.decode()
    )
    assert "Eva Smit, E-werkcoach" in html
    assert f"Eva Smit antwoordt in plaats van uw vaste adviseur {adviser.full_name}." in html


def test_client_cannot_open_someone_elses_thread_or_attachment(login, client_record, adviser):
    other = factories.make_client(contact_person=adviser, user=True)
    message = client_writes(other, attachments=[upload("foto.png", PNG)])
    attachment = message.attachments.get()
    browser = login(client_record.user)
    assert (
        browser.get(reverse("messaging:client_thread", args=[message.thread_id])).status_code == 404
    )
    url = reverse("messaging:client_attachment", args=[message.thread_id, attachment.pk])
    assert browser.get(url).status_code == 404
    # Posting into someone else's thread is refused too.
    response = browser.post(
        reverse("messaging:client_thread", args=[message.thread_id]),
        {"body": "Hallo", "submission_token": str(uuid.uuid4())},
    )
    assert response.status_code == 404
    # The file itself is not reachable through the general media URL either.
    assert browser.get(f"/media/{attachment.file.name}").status_code == 404


def test_client_downloads_own_attachment(login, client_record):
    message = client_writes(client_record, attachments=[upload("brief.pdf", PDF)])
    attachment = message.attachments.get()
    response = login(client_record.user).get(
        reverse("messaging:client_attachment", args=[message.thread_id, attachment.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"


def test_client_replies_in_thread(login, client_record):
    thread = client_writes(client_record).thread
    browser = login(client_record.user)
    url = reverse("messaging:client_thread", args=[thread.pk])
    response = browser.post(url, {"body": "Nog een vraag", "submission_token": str(uuid.uuid4())})
    assert response.status_code == 302
    assert thread.messages.count() == 2
    response = browser.post(url, {"body": "", "submission_token": str(uuid.uuid4())})
    assert response.status_code == 200 and "Schrijf uw bericht." in response.content.decode()
    assert thread.messages.count() == 2


# Staff pages


def test_inbox_shows_overdue_in_words(login, adviser, client_record):
    from datetime import datetime

    from django.utils import timezone

    client_writes(client_record, subject="Oude vraag", at=timezone.make_aware(datetime(2026, 1, 5)))
    client_writes(client_record, subject="Nieuwe vraag")
    browser = login(adviser.user)
    html = browser.get(reverse("messaging:inbox"), {"lijst": "open"}).content.decode()
    assert "Oude vraag" in html and "Nieuwe vraag" in html
    assert html.count("Te laat") == 1 + html.count("Te laat beantwoord")  # badge + filter label
    late = browser.get(reverse("messaging:inbox"), {"lijst": "open", "status": "te-laat"})
    assert "Nieuwe vraag" not in late.content.decode()
    assert browser.get(reverse("messaging:inbox"), {"lijst": "nonsense"}).status_code == 200
    assert browser.get(reverse("messaging:inbox"), {"pagina": "999"}).status_code == 200


def test_the_inbox_opens_on_what_the_adviser_must_answer(login, adviser, client_record):
    from datetime import datetime

    from django.utils import timezone

    client_writes(client_record, subject="Nieuwe vraag")
    client_writes(client_record, subject="Oude vraag", at=timezone.make_aware(datetime(2026, 1, 5)))
    html = login(adviser.user).get(reverse("messaging:inbox")).content.decode()
    # Unassigned messages of the adviser's own client, the overdue one on top.
    assert 0 < html.index("Oude vraag") < html.index("Nieuwe vraag")
    # The list the page shows is the select's first option, so the form tells the truth.
    assert html.index('<option value="te-beantwoorden"') < html.index('<option value="mij"')


def test_inbox_paginates(login, adviser, client_record):
    for number in range(27):
        client_writes(client_record, subject=f"Vraag {number}")
    browser = login(adviser.user)
    first = browser.get(reverse("messaging:inbox"), {"lijst": "open"}).content.decode()
    assert "Pagina 1 van 2" in first
    second = browser.get(reverse("messaging:inbox"), {"lijst": "open", "pagina": 2})
    assert "Pagina 2 van 2" in second.content.decode()
    assert "lijst=open&amp;pagina=1" in second.content.decode()  # the filter is kept


def test_adviser_reads_and_replies(
    login, adviser, client_record, django_capture_on_commit_callbacks
):
    thread = client_writes(client_record).thread
    browser = login(adviser.user)
    url = reverse("messaging:staff_thread", args=[thread.pk])
    page = browser.get(url)
    assert page.status_code == 200
    assert AuditEntry.objects.filter(action="messaging.thread_viewed", client_id=client_record.pk)
    html = page.content.decode()
    assert f"{adviser.full_name}, {adviser.job_title}" in html  # the signature to come
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(url, {"body": "Ik bel u.", "submission_token": str(uuid.uuid4())})
    assert response.status_code == 302
    reply = thread.messages.get(sender="staff")
    assert reply.author == adviser
    html = browser.get(url).content.decode()
    assert f"{adviser.full_name}, {adviser.job_title}" in html


def test_empty_reply_shows_error(login, adviser, client_record):
    thread = client_writes(client_record).thread
    response = login(adviser.user).post(
        reverse("messaging:staff_thread", args=[thread.pk]),
        {"body": " ", "submission_token": str(uuid.uuid4())},
    )
    assert response.status_code == 200
    assert "Schrijf je antwoord." in response.content.decode()
    assert not thread.messages.filter(sender="staff").exists()


def test_other_adviser_needs_a_reason(login, office, client_record):
    coach = factories.make_staff("E-werkcoach", offices=[office], job_title="E-werkcoach")
    thread = client_writes(client_record).thread
    browser = login(coach.user)
    url = reverse("messaging:staff_thread", args=[thread.pk])
    response = browser.get(url)
    assert response.url == reverse("messaging:access_reason", args=[thread.pk])
    reason_url = response.url
    short = browser.post(reason_url, {"reason": "kort"})
    assert short.status_code == 200 and "minstens 10 tekens" in short.content.decode()
    response = browser.post(reason_url, {"reason": "Collega is ziek, ik neem het over."})
    assert response.url == url
    assert browser.get(url).status_code == 200
    assert AuditEntry.objects.filter(action="client.access_reason_given").exists()


def test_staff_of_another_office_is_refused(login, client_record):
    elsewhere = factories.make_staff("Adviseur werk")
    thread = client_writes(client_record).thread
    browser = login(elsewhere.user)
    # Advisers may give a reason for any client (as for the client file) ...
    assert browser.get(reverse("messaging:staff_thread", args=[thread.pk])).status_code == 302
    # ... but cannot take or hand over a thread of another office.
    assert browser.post(reverse("messaging:take", args=[thread.pk])).status_code == 403
    assert browser.get(reverse("messaging:hand_over", args=[thread.pk])).status_code == 403


def test_take_and_hand_over(login, adviser, client_record, office):
    coach = factories.make_staff(
        "E-werkcoach", offices=[office], first_name="Eva", surname="Smit", job_title="E-werkcoach"
    )
    thread = client_writes(client_record).thread
    browser = login(adviser.user)
    assert browser.post(reverse("messaging:take", args=[thread.pk])).status_code == 302
    thread.refresh_from_db()
    assert thread.assigned_to == adviser
    url = reverse("messaging:hand_over", args=[thread.pk])
    page = browser.get(url).content.decode()
    assert "Eva Smit (E-werkcoach)" in page
    missing = browser.post(url, {"to_staff": coach.pk, "reason": ""})
    assert "Schrijf waarom je het bericht overdraagt." in missing.content.decode()
    wrong = browser.post(url, {"to_staff": 999999, "reason": "Vakantie"})
    assert "Kies een collega uit de lijst." in wrong.content.decode()
    response = browser.post(url, {"to_staff": coach.pk, "reason": "Vakantie"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.assigned_to == coach
    # Now it is the coach's: the adviser (still the contact person) reads it, cannot hand over.
    assert browser.get(url).status_code == 403
    html = browser.get(reverse("messaging:staff_thread", args=[thread.pk])).content.decode()
    assert "droeg het bericht over aan Eva Smit" in html and "Vakantie" in html


def test_take_twice_by_someone_else_is_a_clear_message(login, adviser, client_record, office):
    coach = factories.make_staff("E-werkcoach", offices=[office], job_title="E-werkcoach")
    thread = client_writes(client_record).thread
    actions.take(thread=thread, by_staff=adviser)
    response = login(coach.user).post(reverse("messaging:take", args=[thread.pk]), follow=True)
    assert "al opgepakt door" in response.content.decode()


def test_staff_attachment_download_checks_access(login, adviser, client_record, office):
    message = client_writes(client_record, attachments=[upload("brief.pdf", PDF)])
    attachment = message.attachments.get()
    url = reverse("messaging:staff_attachment", args=[message.thread_id, attachment.pk])
    assert login(adviser.user).get(url).status_code == 200
    coach = factories.make_staff("E-werkcoach", offices=[office], job_title="E-werkcoach")
    response = login(coach.user).get(url)
    assert response.status_code == 302 and "reden" in response.url
    other_thread = client_writes(factories.make_client(contact_person=adviser)).thread
    wrong = reverse("messaging:staff_attachment", args=[other_thread.pk, attachment.pk])
    assert login(adviser.user).get(wrong).status_code == 404


def test_follow_up_is_shown_and_completed(login, adviser):
    client = factories.make_client(
        contact_person=adviser, uses_digital_channels=False, phone="06 1234 5678"
    )
    thread = client_writes(client).thread
    actions.reply(thread=thread, author=adviser, body="Antwoord")
    follow_up = FollowUp.objects.get()
    browser = login(adviser.user)
    html = browser.get(reverse("messaging:staff_thread", args=[thread.pk])).content.decode()
    assert "Open vervolgtaken" in html and "bellen" in html
    response = browser.post(reverse("messaging:complete_follow_up", args=[follow_up.pk]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_by == adviser


def test_starting_text_seam(login, adviser, client_record):
    thread = client_writes(client_record).thread

    def provider(thread, staff):
        return [starting_text.StartingText("groet", "Groet", f"Goedemorgen, {staff.first_name}.")]

    starting_text.register(provider)
    url = reverse("messaging:staff_thread", args=[thread.pk])
    try:
        browser = login(adviser.user)
        offered = browser.get(url).content.decode()
        chosen = browser.get(url, {"begintekst": "groet"}).content.decode()
        unknown = browser.get(url, {"begintekst": "bestaat-niet"}).content.decode()
    finally:
        starting_text.unregister(provider)
    assert "?begintekst=groet#reply-heading" in offered
    assert "Goedemorgen, Anna.</textarea>" not in offered
    assert "Goedemorgen, Anna.</textarea>" in chosen
    assert "Goedemorgen" not in unknown.split("<textarea")[1].split("</textarea>")[0]


def test_menu_links(login, adviser, client_record):
    assert (
        reverse("messaging:inbox")
        in login(adviser.user).get(reverse("clients:caseload")).content.decode()
    )
    assert (
        reverse("messaging:client_inbox")
        in login(client_record.user).get(reverse("portal:home")).content.decode()
    )
