"""The letter book part of `maatwerk demo_data`, through the real actions: the shipped letters
published after the whole approval, a draft waiting for the `jurist` log-in, and a few letters
sent to the `klant` log-in by their adviser."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from maatwerk.access.rules import current_contact_id
from maatwerk.organisation.models import StaffMember

from . import actions
from .models import LetterTemplate, SentLetter

DRAFT_TITLE = "Uitnodiging werkoriëntatiegesprek"
DRAFT_SUBJECT = "Uitnodiging voor een gesprek op {{ date }}"
DRAFT_BODY = """Beste {{ client.first_name }},

Ik wil graag met u praten over werk. Wat kunt u goed? Wat wilt u graag? En wat heeft u nodig?

Kom naar {{ office.name }}, {{ office.address }}. Neem uw identiteitsbewijs mee.

Kunt u niet? Bel mij dan voor {{ deadline }} op {{ adviser.phone }}."""


def _user(username):
    return get_user_model().objects.filter(username=username).select_related("staff_member").first()


def _approve(version, *, editor, jurist, reader) -> None:
    actions.submit(version=version, by_user=editor)
    actions.legal_decision(version=version, approve=True, comment="", by_user=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.staff_member.pk], by_user=editor)
    actions.comment(
        version=version,
        text="Duidelijk en vriendelijk. Fijn dat de naam erin staat.",
        by_user=reader,
    )
    justification = "" if version.meets_b1 else "Demo: de tekst is kort en eerder goedgekeurd."
    actions.publish(version=version, by_user=editor, justification=justification)


def load(progress=lambda text: None) -> None:
    editor, jurist, reader = _user("redacteur"), _user("jurist"), _user("raadslid")
    if editor is None or jurist is None or reader is None:
        progress(
            "Brievenboek overgeslagen: de demo-log-ins redacteur, jurist of raadslid ontbreken."
        )
        return
    if LetterTemplate.objects.filter(shipped_key="welkom").exists():
        return
    for version in actions.install_shipped(by_user=editor):
        _approve(version, editor=editor, jurist=jurist, reader=reader)
    draft = actions.create_template(
        title=DRAFT_TITLE, subject=DRAFT_SUBJECT, body=DRAFT_BODY, by_user=editor
    )
    actions.submit(version=draft, by_user=editor)
    progress("Brievenboek: welkomstbrief gepubliceerd, een concept wacht op de jurist.")

    klant = _user("klant")
    client = getattr(klant, "client", None) if klant else None
    if client is None:
        return
    adviser = StaffMember.objects.filter(pk=current_contact_id(client)).first()
    if adviser is None:
        return
    for key, channel in [("welkom", SentLetter.Channel.POST), ("antwoord-afspraak", "post")]:
        template = LetterTemplate.objects.get(shipped_key=key)
        try:
            actions.send_letter(
                client=client, template=template, channel=channel, by_user=adviser.user
            )
        except ValidationError as error:
            progress(f"Brievenboek: brief aan klant niet verstuurd ({' '.join(error.messages)}).")
            return
    progress("Brievenboek: de klant heeft twee brieven in Mijn brieven.")
