"""Every write of the insight app, each in one transaction with its audit entry.

Labels are written by the classifier (``label_texts``), corrected by staff (``correct_label``,
appended to the corrections) and never overwritten by a later model once corrected. Codes are
added and retired, never deleted.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.audit import actions as audit
from maatwerk.core.text_sources import ClientText

from .models import DUTCH, SENTIMENTS, Code, Label, LabelCorrection


def label_texts(source: str, texts: list[ClientText], model, *, private: bool = False) -> int:
    """Store the model's labels of texts not labelled yet; returns how many were new.

    One transaction per batch with one audit entry: a worker that stops loses at most the batch
    it was busy with, and a batch that is run twice labels nothing twice.
    """
    if not texts:
        return 0
    predictions = model.predict([t.text for t in texts])
    codes = {c.code: c for c in Code.objects.all()}
    with transaction.atomic():
        done = set(
            Label.objects.filter(
                source=source, source_id__in=[t.source_id for t in texts]
            ).values_list("source_id", flat=True)
        )
        now = timezone.now()
        new = []
        for text, prediction in zip(texts, predictions, strict=True):
            if text.source_id in done:
                continue
            done.add(text.source_id)
            sentiment = prediction.sentiment if prediction.sentiment in SENTIMENTS else ""
            label = Label(
                source=source,
                source_id=text.source_id,
                office_id=text.office_id,
                written_at=text.written_at or now,
                private=private,
                language=prediction.language,
                sentiment=sentiment if prediction.language == DUTCH else "",
                model_version=model.version,
                labelled_at=now,
            )
            # Codes the organisation retired (or never had) are not applied to new labels.
            themes = [codes[c] for c in prediction.themes if c in codes and codes[c].is_active]
            new.append((label, themes))
        if not new:
            return 0
        Label.objects.bulk_create([label for label, _themes in new])
        through = Label.themes.through
        through.objects.bulk_create(
            [
                through(label_id=label.pk, code_id=code.pk)
                for label, themes in new
                for code in themes
            ]
        )
        audit.log(
            "insight.labelled",
            data={"source": source, "count": len(new), "model_version": model.version},
        )
    return len(new)


def correct_label(*, label: Label, themes: list[str], sentiment: str, by_user) -> Label:
    """A staff member's correction: kept in the corrections, shown on the label as corrected,
    and never overwritten by a later model."""
    staff = getattr(by_user, "staff_member", None)
    if staff is None or not by_user.has_perm("insight.correct_label"):
        raise PermissionDenied(_("U mag labels van klantteksten niet corrigeren."))
    wanted = list(dict.fromkeys(themes))
    active = {c.code: c for c in Code.objects.active().filter(code__in=wanted)}
    unknown = [c for c in wanted if c not in active]
    if unknown:
        raise ValidationError(
            {
                "themes": _("Onbekende of buiten gebruik gestelde code: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            }
        )
    if sentiment not in ("", *SENTIMENTS):
        raise ValidationError({"sentiment": _("Kies positief, neutraal of negatief.")})
    with transaction.atomic():
        label = Label.objects.select_for_update().get(pk=label.pk)
        if label.private:
            raise PermissionDenied(_("Privéberichten worden niet getoond en niet gecorrigeerd."))
        if label.language != DUTCH and sentiment:
            raise ValidationError(
                {
                    "sentiment": _(
                        "Een lege tekst of een tekst in een andere taal krijgt geen sentiment."
                    )
                }
            )
        previous_themes = sorted(label.themes.values_list("code", flat=True))
        LabelCorrection.objects.create(
            label=label,
            by_staff=staff,
            themes=sorted(wanted),
            sentiment=sentiment,
            previous_themes=previous_themes,
            previous_sentiment=label.sentiment,
            previous_model_version=label.model_version,
        )
        label.themes.set(list(active.values()))
        label.sentiment = sentiment
        label.corrected = True
        label.corrected_by = staff
        label.corrected_at = timezone.now()
        label.save(update_fields=["sentiment", "corrected", "corrected_by", "corrected_at"])
        audit.log(
            "insight.label_corrected",
            user=by_user,
            about=label,
            data={"themes": sorted(wanted), "sentiment": sentiment, "was": previous_themes},
        )
    return label


def add_code(*, code: str, name: str, description: str, by_user) -> Code:
    code = (code or "").strip().lower()
    if not code or not name.strip():
        raise ValidationError(_("Een code heeft een code en een naam."))
    try:
        with transaction.atomic():
            order = (
                Code.objects.order_by("-order").values_list("order", flat=True).first() or 0
            ) + 1
            created = Code.objects.create(
                code=code, name=name.strip(), description=description.strip(), order=order
            )
            audit.log("insight.code_added", user=by_user, about=created, data={"code": code})
    except IntegrityError:
        raise ValidationError({"code": _("Deze code bestaat al.")}) from None
    return created


def retire_code(*, code: Code, by_user) -> Code:
    """Retired codes stay on the labels that have them; the classifier no longer applies them."""
    with transaction.atomic():
        code = Code.objects.select_for_update().get(pk=code.pk)
        if code.retired_at is None:
            code.retired_at = timezone.now()
            code.save(update_fields=["retired_at"])
            audit.log("insight.code_retired", user=by_user, about=code, data={"code": code.code})
    return code


def reinstate_code(*, code: Code, by_user) -> Code:
    with transaction.atomic():
        code = Code.objects.select_for_update().get(pk=code.pk)
        if code.retired_at is not None:
            code.retired_at = None
            code.save(update_fields=["retired_at"])
            audit.log("insight.code_reinstated", user=by_user, about=code, data={"code": code.code})
    return code
