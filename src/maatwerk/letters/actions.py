"""Every write of the letter book, each in one transaction with its audit row (and, for a sent
letter, its timeline event)."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from maatwerk.access.rules import staff_of
from maatwerk.audit import actions as audit
from maatwerk.timeline.actions import Actor, record_event

from . import sandbox, values
from .models import (
    Delivery,
    LetterTemplate,
    ReaderComment,
    ReaderInvitation,
    ReviewStep,
    SentLetter,
    State,
    TemplateVersion,
)
from .queries import readers, state_of
from .rules import may_comment
from .versioning import versioned

MIN_JUSTIFICATION = 20
EDIT, LEGAL, READ, SEND = (
    "letters.edit_letters",
    "letters.review_legal",
    "letters.comment_as_reader",
    "letters.send_letters",
)


def _staff(user, permission: str):
    staff = staff_of(user)
    if staff is None or not user.has_perm(permission):
        raise PermissionDenied
    return staff


def _add_step(version, kind, by, *, comment: str = "", justification: str = "") -> ReviewStep:
    last = version.steps.aggregate(last=Max("seq"))["last"] or 0
    return ReviewStep.objects.create(
        version=version,
        seq=last + 1,
        kind=kind,
        state=ReviewStep.STATE_AFTER[kind],
        by=by,
        comment=comment,
        justification=justification,
    )


def _lock_version(version) -> TemplateVersion:
    """Lock the template (the head), so two steps on its versions never interleave."""
    LetterTemplate.objects.select_for_update().get(pk=version.template_id)
    return TemplateVersion.objects.select_related("template").get(pk=version.pk)


def _require(version, *states, latest=True) -> None:
    state = state_of(version)
    if state not in states:
        raise ValidationError(
            _("Dit kan niet meer: deze versie heeft nu de status '%(state)s'.")
            % {"state": State(state).label}
        )
    if latest and version.number != version.template.latest_number:
        raise ValidationError(
            _("Er is een nieuwere versie van deze brief. Werk verder met versie %(n)s.")
            % {"n": version.template.latest_number}
        )


# --- writing -----------------------------------------------------------------------------------


def _new_version(template, *, subject, body, change_note, staff) -> TemplateVersion:
    sandbox.validate(subject, body)
    report, meets_b1 = values.language_report(body)
    number = template.latest_number + 1
    version = TemplateVersion.objects.create(
        template=template,
        number=number,
        subject=subject.strip(),
        body=body.replace("\r\n", "\n").strip(),
        change_note=change_note.strip(),
        plain_language=report,
        meets_b1=meets_b1,
        created_by=staff,
    )
    _add_step(version, ReviewStep.Kind.CREATED, staff)
    template.latest_number = number
    template.save(update_fields=["latest_number"])
    return version


@versioned
def create_template(
    *, title, subject, body, by_user, purpose="", usable_as_reply=False, shipped_key=""
) -> TemplateVersion:
    staff = _staff(by_user, EDIT)
    sandbox.validate(subject, body)  # before anything is written: nothing half-saved
    if LetterTemplate.objects.filter(title=title.strip()).exists():
        raise ValidationError({"title": _("Er is al een brief met deze naam.")})
    template = LetterTemplate.objects.create(
        title=title.strip(),
        purpose=purpose.strip(),
        usable_as_reply=usable_as_reply,
        shipped_key=shipped_key,
        created_by=staff,
    )
    version = _new_version(
        template, subject=subject, body=body, change_note=_("Eerste versie"), staff=staff
    )
    audit.log("letters.template_created", user=by_user, about=version, data={"title": title})
    return version


@versioned
def save_version(
    *, template, subject, body, change_note, by_user, title=None, purpose=None, usable_as_reply=None
) -> TemplateVersion:
    """A change is always a new version; the earlier ones stay as they were."""
    staff = _staff(by_user, EDIT)
    sandbox.validate(subject, body)
    locked = LetterTemplate.objects.select_for_update().get(pk=template.pk)
    details = {"title": title, "purpose": purpose, "usable_as_reply": usable_as_reply}
    changed = [name for name, value in details.items() if value is not None]
    if title is not None and (
        LetterTemplate.objects.filter(title=title.strip()).exclude(pk=locked.pk).exists()
    ):
        raise ValidationError({"title": _("Er is al een brief met deze naam.")})
    for name in changed:
        value = details[name]
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    if changed:
        locked.save(update_fields=changed)
    version = _new_version(locked, subject=subject, body=body, change_note=change_note, staff=staff)
    audit.log("letters.version_saved", user=by_user, about=version, data={"n": version.number})
    return version


# --- approval ----------------------------------------------------------------------------------


def submit(*, version, by_user) -> ReviewStep:
    staff = _staff(by_user, EDIT)
    with transaction.atomic():
        version = _lock_version(version)
        _require(version, State.DRAFT)
        step = _add_step(version, ReviewStep.Kind.SUBMITTED, staff)
        audit.log("letters.submitted", user=by_user, about=version)
    return step


def legal_decision(*, version, approve: bool, comment: str, by_user) -> ReviewStep:
    staff = _staff(by_user, LEGAL)
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError({"comment": _("Schrijf waarom je de brief terugstuurt.")})
    with transaction.atomic():
        version = _lock_version(version)
        _require(version, State.LEGAL_REVIEW)
        if version.created_by_id == staff.pk:
            raise ValidationError(_("Je kunt je eigen tekst niet juridisch goedkeuren."))
        kind = ReviewStep.Kind.LEGAL_APPROVED if approve else ReviewStep.Kind.REJECTED
        step = _add_step(version, kind, staff, comment=comment)
        audit.log(f"letters.{kind}", user=by_user, about=version, data={"comment": comment})
    return step


def invite_readers(*, version, reader_ids, by_user) -> list[ReaderInvitation]:
    staff = _staff(by_user, EDIT)
    allowed = {reader.pk: reader for reader in readers()}
    unknown = set(reader_ids) - set(allowed)
    if not reader_ids or unknown:
        raise ValidationError({"readers": _("Kies een of meer meelezers uit de lijst.")})
    with transaction.atomic():
        version = _lock_version(version)
        _require(version, State.READER_REVIEW)
        done = set(version.invitations.values_list("reader_id", flat=True))
        made = [
            ReaderInvitation.objects.create(version=version, reader=allowed[pk], invited_by=staff)
            for pk in reader_ids
            if pk not in done
        ]
        audit.log(
            "letters.readers_invited",
            user=by_user,
            about=version,
            data={"readers": [i.reader_id for i in made]},
        )
    return made


def comment(*, version, text, by_user) -> ReaderComment:
    staff = _staff(by_user, READ)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Schrijf je reactie.")})
    with transaction.atomic():
        version = _lock_version(version)
        if not may_comment(staff, version):
            raise PermissionDenied
        _require(version, State.READER_REVIEW)
        made = ReaderComment.objects.create(version=version, reader=staff, text=text)
        audit.log("letters.reader_commented", user=by_user, about=version)
    return made


def send_back(*, version, comment, by_user) -> ReviewStep:
    """The editor takes a version back to draft after the readers' comments."""
    staff = _staff(by_user, EDIT)
    if not comment.strip():
        raise ValidationError({"comment": _("Schrijf waarom de brief terug naar concept gaat.")})
    with transaction.atomic():
        version = _lock_version(version)
        _require(version, State.READER_REVIEW)
        step = _add_step(version, ReviewStep.Kind.REJECTED, staff, comment=comment.strip())
        audit.log("letters.rejected", user=by_user, about=version, data={"comment": comment})
    return step


def _readers_skipped_because(version, skip_reason: str) -> str:
    """Publishing waits for a client reader's verdict: an invitation alone is no reading. Without
    a verdict the editor must write why they publish anyway; that reason is kept and audited."""
    if not version.invitations.exists():
        raise ValidationError(_("Nodig eerst minstens één meelezer uit."))
    if version.comments.exists():  # only invited readers can comment (rules.may_comment)
        return ""
    if len(skip_reason) < MIN_JUSTIFICATION:
        raise ValidationError(
            {
                "skip_reason": _(
                    "Nog geen meelezer heeft gereageerd. Wacht op een reactie, of schrijf "
                    "waarom je toch publiceert (minstens %(n)s tekens)."
                )
                % {"n": MIN_JUSTIFICATION}
            }
        )
    return skip_reason


def publish(*, version, by_user, justification: str = "", skip_reason: str = "") -> ReviewStep:
    staff = _staff(by_user, EDIT)
    justification = justification.strip()
    with transaction.atomic():
        version = _lock_version(version)
        _require(version, State.READER_REVIEW)
        skipped_because = _readers_skipped_because(version, skip_reason.strip())
        if not version.meets_b1 and len(justification) < MIN_JUSTIFICATION:
            raise ValidationError(
                {
                    "justification": _(
                        "Deze tekst haalt taalniveau B1 niet. Schrijf waarom je hem toch "
                        "publiceert (minstens %(n)s tekens)."
                    )
                    % {"n": MIN_JUSTIFICATION}
                }
            )
        template = LetterTemplate.objects.select_for_update().get(pk=version.template_id)
        previous = template.published_version
        if previous is not None:
            _add_step(previous, ReviewStep.Kind.SUPERSEDED, staff)
        step = _add_step(
            version,
            ReviewStep.Kind.PUBLISHED,
            staff,
            justification=justification if not version.meets_b1 else "",
            comment=skipped_because,
        )
        template.published_version = version
        template.save(update_fields=["published_version"])
        audit.log(
            "letters.published",
            user=by_user,
            about=version,
            data={
                "superseded": previous.number if previous else None,
                "b1": version.meets_b1,
                "readers_skipped": bool(skipped_because),
            },
            reason=skipped_because,
        )
    return step


# --- sending -----------------------------------------------------------------------------------


def _recipient(client, channel: str) -> dict:
    if channel == SentLetter.Channel.EMAIL:
        if not client.uses_digital_channels:
            raise ValidationError(
                {
                    "channel": _(
                        "Deze cliënt gebruikt geen digitale kanalen. Stuur de brief per post."
                    )
                }
            )
        if not client.email:
            raise ValidationError(
                {"channel": _("Deze cliënt heeft geen e-mailadres. Stuur de brief per post.")}
            )
        return {"name": client.full_name, "email": client.email}
    if channel == SentLetter.Channel.POST:
        if not (client.street and client.house_number and client.postal_code and client.city):
            raise ValidationError(
                {"channel": _("Het postadres van deze cliënt is niet compleet. Vul het eerst aan.")}
            )
        return {
            "name": client.full_name,
            "lines": [
                f"{client.street} {client.house_number}",
                f"{client.postal_code} {client.city}",
            ],
        }
    raise ValidationError({"channel": _("Kies e-mail of post.")})


def _dutch(label) -> str:
    # Timeline data is stored once, in the letter's language, whatever language the sender reads.
    with override("nl"):
        return str(label)


def _earlier_letter(submission_token, client) -> SentLetter | None:
    """The letter an earlier send of this form made; a token used for another client is refused
    (it must never hand out someone else's letter)."""
    earlier = SentLetter.objects.filter(submission_token=submission_token).first()
    if earlier is not None and earlier.client_id != client.pk:
        raise ValidationError(_("Dit formulier is al gebruikt. Begin opnieuw."))
    return earlier


def send_letter(
    *, client, template, channel, by_user, submission_token=None, version=None
) -> SentLetter:
    """Send the published version of a template to a client. A token that was used before
    returns the letter made then (a double click sends one letter)."""
    staff = _staff(by_user, SEND)
    submission_token = submission_token or uuid.uuid4()
    earlier = _earlier_letter(submission_token, client)
    if earlier is not None:
        return earlier
    published = LetterTemplate.objects.get(pk=template.pk).published_version
    if published is None or (version is not None and version.pk != published.pk):
        raise ValidationError(
            _("Alleen de gepubliceerde versie van een brief kan worden verstuurd.")
        )
    recipient = _recipient(client, channel)
    filled, subject, body = values.fill(published, client, staff)
    try:
        with transaction.atomic():
            letter = SentLetter.objects.create(
                client=client,
                template_id=published.template_id,
                version=published,
                channel=channel,
                subject=subject,
                body_text=body,
                values=filled,
                letterhead=values.letterhead(client),
                recipient=recipient,
                sent_by=staff,
                office=client.office,
                sent_at=timezone.now(),
                submission_token=submission_token,
            )
            record_event(
                client,
                "letter.sent",
                Actor.of_staff(staff),
                {
                    "staff_name": staff.full_name,
                    "job_title": staff.job_title,
                    "subject": subject,
                    "channel": _dutch(SentLetter.Channel(channel).label),
                },
                about=letter,
            )
            audit.log(
                "letters.sent",
                user=by_user,
                client=client,
                about=letter,
                data={"version": published.pk, "channel": channel},
            )
            if channel == SentLetter.Channel.EMAIL:
                from .tasks import email_letter

                letter_id = letter.pk
                transaction.on_commit(lambda: email_letter.enqueue(letter_id), robust=True)
    except IntegrityError:
        earlier = _earlier_letter(submission_token, client)
        if earlier is None:
            raise
        return earlier
    return letter


def record_delivery(letter: SentLetter, *, error: Exception | None = None) -> Delivery:
    """One attempt to e-mail a sent letter. A failure is kept too, so the adviser sees the letter
    did not leave and can send it by post; only a letter that left is audited as e-mailed."""
    with transaction.atomic():
        delivery = Delivery.objects.create(
            letter=letter, succeeded=error is None, error=str(error)[:500] if error else ""
        )
        if error is None:
            audit.log("letters.emailed", client=letter.client, about=letter)
    return delivery


# --- shipped letters ---------------------------------------------------------------------------


def install_shipped(*, by_user) -> list[TemplateVersion]:
    """Add the letters Maatwerk ships (welcome letter, reply texts) as drafts, once each. They
    still go through this organisation's own approval before anyone can send them."""
    from .shipped import SHIPPED, body

    made = []
    done = set(LetterTemplate.objects.exclude(shipped_key="").values_list("shipped_key", flat=True))
    with transaction.atomic():
        for item in SHIPPED:
            if item["key"] in done:
                continue
            made.append(
                create_template(
                    title=str(item["title"]),
                    purpose=str(item["purpose"]),
                    subject=item["subject"],
                    body=body(item["key"]),
                    usable_as_reply=item["usable_as_reply"],
                    shipped_key=item["key"],
                    by_user=by_user,
                )
            )
    return made
