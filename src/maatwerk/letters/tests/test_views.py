"""The pages: editing with preview, errors next to the field, the approval forms, sending, and
the client's own letters."""

import pytest
from django.core import mail
from django.urls import reverse

from maatwerk.core.tests import factories
from maatwerk.letters import actions
from maatwerk.letters.models import LetterTemplate, SentLetter, TemplateVersion

from .helpers import BODY, SUBJECT, publish, to_reader_review, write

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {"title": "Uitnodiging", "purpose": "", "subject": SUBJECT, "body": BODY}
    data.update(overrides)
    return data


def test_new_letter_is_saved_as_version_one(login, editor):
    response = login(editor.user).post(reverse("letters:new"), form())
    version = TemplateVersion.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("letters:version", args=[version.pk])
    assert version.template.title == "Uitnodiging" and version.number == 1


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("body", '{% include "/etc/passwd" %}', "{% include %} mag niet"),
        ("body", "{% load static %}{% static 'x' %}", "{% load %} mag niet"),
        ("body", "{{ settings.SECRET_KEY }}", "settings.SECRET_KEY }} bestaat niet"),
        ("body", "{% debug %}", "{% debug %} mag niet"),
        ("body", "{% if client.first_name %}open", "niet afgesloten"),
        ("body", "x" * 20_001, "te lang"),
        ("subject", "{{ adviser.salary }}", "adviser.salary }} bestaat niet"),
    ],
)
def test_bad_templates_show_a_dutch_error_next_to_the_field(login, editor, field, value, says):
    response = login(editor.user).post(reverse("letters:new"), form(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(says in error for error in errors), errors
    assert f'id="id_{field}_error"' in response.text
    assert not LetterTemplate.objects.exists()


def test_preview_button_renders_without_saving(login, editor):
    response = login(editor.user).post(reverse("letters:new"), form(action="preview"))
    assert response.status_code == 200
    assert "Beste Fatima," in response.text  # the made-up client
    assert "Voldoet aan B1." in response.text
    assert not TemplateVersion.objects.exists()


def test_live_preview_fragment_reports_officialese(login, editor):
    body = "Beste {{ client.first_name }},\n\nIndien u vragen heeft, kunt u ons bellen."
    response = login(editor.user).post(
        reverse("letters:preview"), {"subject": "Vraag", "body": body}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Beste Fatima," in response.text
    assert "Ambtelijke woorden" in response.text and "indien" in response.text.lower()


def test_live_preview_shows_problems_instead_of_a_letter(login, editor):
    response = login(editor.user).post(
        reverse("letters:preview"), {"subject": "x", "body": "{{ settings.DEBUG }}"}
    )
    assert "bestaat niet" in response.text


def test_edit_makes_a_new_version_and_compare_shows_the_change(login, editor, draft):
    web = login(editor.user)
    url = reverse("letters:edit", args=[draft.template_id])
    assert BODY.splitlines()[0] in web.get(url).text
    web.post(url, form(title=draft.template.title, body="Hallo <b>daar</b>.", change_note="kort"))
    assert draft.template.versions.count() == 2
    response = web.get(reverse("letters:compare", args=[draft.template_id]), {"van": 1, "naar": 2})
    assert response.status_code == 200
    assert "Hallo &lt;b&gt;daar&lt;/b&gt;." in response.text  # escaped
    assert 'class="mw-diff--added"' in response.text and 'class="mw-diff--removed"' in response.text


def test_compare_with_a_missing_version_is_a_clear_error(login, editor, draft):
    response = login(editor.user).get(
        reverse("letters:compare", args=[draft.template_id]), {"van": 1, "naar": 9}
    )
    assert response.status_code == 200 and "Die versie bestaat niet." in response.text


def test_version_page_offers_each_role_only_its_own_step(login, editor, jurist, reader, draft):
    url = reverse("letters:version", args=[draft.pk])
    assert "Indienen voor juridische controle" in login(editor.user).get(url).text
    assert "Indienen voor juridische controle" not in login(jurist.user).get(url).text
    actions.submit(version=draft, by_user=editor.user)
    assert "Besluit vastleggen" in login(jurist.user).get(url).text
    assert "Besluit vastleggen" not in login(editor.user).get(url).text


def test_legal_reject_without_reason_shows_the_error(login, editor, jurist, draft):
    actions.submit(version=draft, by_user=editor.user)
    response = login(jurist.user).post(
        reverse("letters:legal", args=[draft.pk]), {"decision": "reject", "comment": ""}
    )
    assert response.status_code == 200
    assert "Schrijf waarom je de brief terugstuurt." in response.text
    assert draft.steps.count() == 2


def test_publish_below_b1_without_justification_is_refused_on_the_page(
    login, editor, jurist, reader
):
    hard = (
        "Indien u niet tijdig de door ons verzochte gegevens verstrekt, zijn wij genoodzaakt om "
        "de uitkering, welke u ontvangt op grond van de Werkloosheidswet, met onmiddellijke "
        "ingang op te schorten, hetgeen wij zouden betreuren in verband met uw situatie."
    )
    version = write(editor, body=hard)
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=version, text="Te moeilijk.", by_user=reader.user)
    response = login(editor.user).post(
        reverse("letters:publish", args=[version.pk]), {"justification": ""}
    )
    assert response.status_code == 200
    assert "haalt taalniveau B1 niet" in response.text
    version.template.refresh_from_db()
    assert version.template.published_version is None


def test_an_uninvited_council_member_may_not_comment(login, editor, jurist, office, draft):
    to_reader_review(draft, editor=editor, jurist=jurist)
    stranger = factories.make_staff("Lid cliëntenraad", offices=[office], first_name="Ada")
    response = login(stranger.user).post(
        reverse("letters:comment", args=[draft.pk]), {"text": "Mag ik?"}
    )
    assert response.status_code == 403


def test_adviser_sends_by_email_once_however_often_posted(
    login, editor, jurist, reader, draft, client_record, adviser, django_capture_on_commit_callbacks
):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    web = login(adviser.user)
    url = reverse("letters:compose", args=[client_record.pk, draft.template_id])
    page = web.get(url)
    assert f"Beste {client_record.first_name}," in page.text
    token = page.context["form"]["submission_token"].value()
    with django_capture_on_commit_callbacks(execute=True):
        first = web.post(url, {"channel": "email", "submission_token": token})
        second = web.post(url, {"channel": "email", "submission_token": token})
    letter = SentLetter.objects.get()
    assert first.url == second.url == reverse("letters:sent", args=[letter.pk])
    assert len(mail.outbox) == 1
    assert web.get(reverse("letters:sent_pdf", args=[letter.pk])).content.startswith(b"%PDF")


def test_email_to_a_client_without_address_shows_the_error(
    login, editor, jurist, reader, draft, adviser
):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    no_email = factories.make_client(contact_person=adviser, email="")
    response = login(adviser.user).post(
        reverse("letters:compose", args=[no_email.pk, draft.template_id]),
        {"channel": "email", "submission_token": "7d9f0c3e-1111-4a4a-9a9a-123456789abc"},
    )
    assert response.status_code == 200
    assert "geen e-mailadres" in response.text
    assert not SentLetter.objects.exists()


def test_an_unpublished_template_has_no_send_button(login, adviser, client_record, draft):
    web = login(adviser.user)
    url = reverse("letters:compose", args=[client_record.pk, draft.template_id])
    assert "nog niet gepubliceerd" in web.get(url).text
    response = web.post(
        url, {"channel": "email", "submission_token": "7d9f0c3e-1111-4a4a-9a9a-123456789abc"}
    )
    assert "gepubliceerde versie" in response.text
    assert not SentLetter.objects.exists()


def test_the_client_reads_their_own_letters_only(
    login, editor, jurist, reader, draft, client_record, adviser
):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    letter = actions.send_letter(
        client=client_record, template=draft.template, channel="email", by_user=adviser.user
    )
    other = factories.make_client(contact_person=adviser, user=True)
    web = login(client_record.user)
    listing = web.get(reverse("letters:mine"))
    assert letter.subject in listing.text
    page = web.get(reverse("letters:mine_detail", args=[letter.pk]))
    assert adviser.full_name in page.text and "Brief als PDF" in page.text
    pdf = web.get(reverse("letters:mine_pdf", args=[letter.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    web = login(other.user)
    assert letter.subject not in web.get(reverse("letters:mine")).text
    assert web.get(reverse("letters:mine_detail", args=[letter.pk])).status_code == 404
    assert web.get(reverse("letters:mine_pdf", args=[letter.pk])).status_code == 404


def test_book_lists_templates_with_counts_and_offers_shipped_letters(login, editor, draft):
    web = login(editor.user)
    response = web.get(reverse("letters:book"))
    assert draft.template.title in response.text
    assert "Meegeleverde brieven toevoegen" in response.text
    web.post(reverse("letters:install_shipped"))
    assert "Meegeleverde brieven toevoegen" not in web.get(reverse("letters:book")).text
    assert LetterTemplate.objects.count() == 4


def test_menu_links(login, editor, reader, client_record, adviser):
    assert "Brievenboek" in login(editor.user).get(reverse("letters:book")).text
    assert reverse("letters:book") in login(reader.user).get(reverse("letters:book")).text
    assert reverse("letters:mine") in login(client_record.user).get(reverse("letters:mine")).text


def test_a_client_without_digital_channels_is_offered_post_only(
    login, editor, jurist, reader, draft, adviser
):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    paper = factories.make_client(contact_person=adviser, uses_digital_channels=False)
    response = login(adviser.user).get(
        reverse("letters:compose", args=[paper.pk, draft.template_id])
    )
    assert [value for value, _label in response.context["form"].fields["channel"].choices] == [
        "post"
    ]
    assert 'value="email"' not in response.text


def test_the_book_shows_what_waits_for_each_role(login, editor, jurist, reader, draft):
    url = reverse("letters:book")
    assert "Wacht op jou" not in login(jurist.user).get(url).text
    actions.submit(version=draft, by_user=editor.user)
    assert "juridische controle" in login(jurist.user).get(url).text
    actions.legal_decision(version=draft, approve=True, comment="", by_user=jurist.user)
    actions.invite_readers(version=draft, reader_ids=[reader.pk], by_user=editor.user)
    assert "je bent uitgenodigd om mee te lezen" in login(reader.user).get(url).text
    assert "meelezers uitnodigen of publiceren" in login(editor.user).get(url).text
    actions.comment(version=draft, text="Prima.", by_user=reader.user)
    assert "Wacht op jou" not in login(reader.user).get(url).text


def test_the_sent_page_says_whether_the_email_left(
    login, editor, jurist, reader, draft, client_record, adviser, django_capture_on_commit_callbacks
):
    publish(draft, editor=editor, jurist=jurist, reader=reader)
    with django_capture_on_commit_callbacks(execute=True):
        letter = actions.send_letter(
            client=client_record, template=draft.template, channel="email", by_user=adviser.user
        )
    page = login(adviser.user).get(reverse("letters:sent", args=[letter.pk]))
    assert "aan de mailserver gegeven" in page.text


def test_administrators_read_versions_in_the_admin_but_cannot_change_them(
    login, administrator, editor, draft
):
    web = login(administrator.user)
    listing = web.get(reverse("admin:letters_templateversion_changelist"))
    assert listing.status_code == 200 and draft.template.title in listing.text
    detail = web.get(reverse("admin:letters_templateversion_change", args=[draft.pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.text
    add = web.get(reverse("admin:letters_templateversion_add"))
    assert add.status_code == 403


def test_the_justification_for_publishing_below_b1_is_shown(login, editor, jurist, reader):
    version = write(editor, body="Indien u de gegevens niet tijdig verstrekt, volgt een maatregel.")
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=version, text="Moeilijk, maar het moet.", by_user=reader.user)
    actions.publish(
        version=version, by_user=editor.user, justification="De wet schrijft deze zin voor."
    )
    page = login(jurist.user).get(reverse("letters:version", args=[version.pk]))
    assert "Gepubliceerd zonder B1, omdat" in page.text
    assert "De wet schrijft deze zin voor." in page.text


def test_publishing_before_any_reader_answered_asks_for_a_reason(login, editor, jurist, reader):
    version = write(editor)
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    web = login(editor.user)
    url = reverse("letters:publish", args=[version.pk])
    refused = web.post(url, {"skip_reason": ""})
    assert refused.status_code == 200
    assert "Nog geen meelezer heeft gereageerd. Wacht op een reactie" in refused.text
    version.template.refresh_from_db()
    assert version.template.published_version is None
    reason = "Spoedwijziging van de wet; de raad leest de volgende versie."
    assert web.post(url, {"skip_reason": reason}).status_code == 302
    page = web.get(reverse("letters:version", args=[version.pk]))
    assert "Gepubliceerd zonder reactie van een meelezer, omdat" in page.text
    assert reason in page.text
