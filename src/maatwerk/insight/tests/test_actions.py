"""Labels, corrections and the codebook: every write through actions, corrections kept."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction

from maatwerk.audit.models import AuditEntry
from maatwerk.core.append_only import AppendOnlyError
from maatwerk.core.tests import factories
from maatwerk.core.text_sources import ClientText
from maatwerk.insight import actions
from maatwerk.insight.codebook import DEFAULT_CODES
from maatwerk.insight.models import Code, Label, LabelCorrection

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)


def _texts(*texts, office=None):
    return [ClientText(i, t, office.pk if office else None, WHEN) for i, t in enumerate(texts, 1)]


@pytest.fixture
def labelled(starter_model, office):
    actions.label_texts(
        "feedback.feedback",
        _texts(
            "Mijn uitkering kwam twee weken te laat.",
            "Thank you so much for helping me find a new job last month",
            "",
            office=office,
        ),
        starter_model,
    )
    return {label.source_id: label for label in Label.objects.all()}


def test_the_default_codebook_is_installed():
    assert list(Code.objects.values_list("code", flat=True)) == [c for c, _, _ in DEFAULT_CODES]
    assert "vaste contactpersoon" in Code.objects.get(
        code="contactpersoon"
    ).description.lower() or (
        "één vaste contactpersoon" in Code.objects.get(code="contactpersoon").description.lower()
    )


def test_labels_record_model_version_language_and_office(labelled, starter_model, office):
    dutch, english, empty = labelled[1], labelled[2], labelled[3]
    assert {lab.model_version for lab in labelled.values()} == {starter_model.version}
    assert dutch.language == "nl" and dutch.sentiment == "negatief" and dutch.office == office
    assert "inkomen" in set(dutch.themes.values_list("code", flat=True))
    assert (english.language, english.sentiment, english.themes.count()) == ("andere taal", "", 0)
    assert (empty.language, empty.sentiment, empty.themes.count()) == ("leeg", "", 0)
    assert AuditEntry.objects.filter(action="insight.labelled").count() == 1


def test_labelling_twice_labels_nothing_twice(labelled, starter_model):
    again = actions.label_texts("feedback.feedback", _texts("a", "b", "c"), starter_model)
    assert again == 0 and Label.objects.count() == 3


def test_a_retired_code_is_not_applied_to_new_labels(starter_model, administrator):
    actions.retire_code(code=Code.objects.get(code="inkomen"), by_user=administrator.user)
    actions.label_texts("feedback.feedback", _texts("Mijn uitkering kwam te laat."), starter_model)
    assert "inkomen" not in set(Label.objects.get().themes.values_list("code", flat=True))


def test_the_database_refuses_a_guessed_sentiment_for_another_language(labelled):
    with pytest.raises(IntegrityError), transaction.atomic():
        Label.objects.filter(pk=labelled[2].pk).update(sentiment="positief")


def test_a_correction_is_kept_and_shown(labelled, manager):
    label = labelled[1]
    actions.correct_label(
        label=label,
        themes=["inkomen", "terugkoppeling"],
        sentiment="negatief",
        by_user=manager.user,
    )
    label.refresh_from_db()
    assert label.corrected and label.corrected_by == manager and label.corrected_at
    assert sorted(label.themes.values_list("code", flat=True)) == ["inkomen", "terugkoppeling"]
    correction = LabelCorrection.objects.get()
    assert correction.themes == ["inkomen", "terugkoppeling"]
    assert correction.previous_model_version == label.model_version
    assert "inkomen" in correction.previous_themes
    actions.correct_label(label=label, themes=["werk"], sentiment="neutraal", by_user=manager.user)
    assert LabelCorrection.objects.count() == 2  # appended, never overwritten
    assert AuditEntry.objects.filter(action="insight.label_corrected").count() == 2
    with pytest.raises(AppendOnlyError):
        correction.save()
    with pytest.raises(AppendOnlyError):
        LabelCorrection.objects.all().delete()


def test_a_corrected_label_is_never_relabelled(labelled, manager, starter_model):
    actions.correct_label(
        label=labelled[1], themes=["werk"], sentiment="positief", by_user=manager.user
    )
    actions.label_texts(
        "feedback.feedback", _texts("Mijn uitkering kwam twee weken te laat."), starter_model
    )
    label = Label.objects.get(pk=labelled[1].pk)
    assert list(label.themes.values_list("code", flat=True)) == ["werk"]


def test_correcting_needs_the_right(labelled, adviser):
    with pytest.raises(PermissionDenied):
        actions.correct_label(label=labelled[1], themes=[], sentiment="", by_user=adviser.user)
    assert not LabelCorrection.objects.exists()


@pytest.mark.parametrize(
    "themes, sentiment, field",
    [(["onbekend"], "negatief", "themes"), (["werk"], "boos", "sentiment")],
)
def test_a_correction_with_bad_values_is_refused(labelled, manager, themes, sentiment, field):
    with pytest.raises(ValidationError) as error:
        actions.correct_label(
            label=labelled[1], themes=themes, sentiment=sentiment, by_user=manager.user
        )
    assert field in error.value.message_dict
    assert not LabelCorrection.objects.exists() and not labelled[1].corrected


def test_no_sentiment_for_a_text_in_another_language(labelled, manager):
    with pytest.raises(ValidationError):
        actions.correct_label(
            label=labelled[2], themes=[], sentiment="positief", by_user=manager.user
        )


def test_a_retired_code_cannot_be_chosen_in_a_correction(labelled, manager, administrator):
    actions.retire_code(code=Code.objects.get(code="werk"), by_user=administrator.user)
    with pytest.raises(ValidationError):
        actions.correct_label(
            label=labelled[1], themes=["werk"], sentiment="", by_user=manager.user
        )


def test_codes_are_retired_never_deleted(labelled, administrator):
    code = Code.objects.get(code="inkomen")
    with pytest.raises(models.ProtectedError):
        code.delete()
    with pytest.raises(models.ProtectedError):
        Code.objects.filter(code="inkomen").delete()
    retired = actions.retire_code(code=code, by_user=administrator.user)
    assert retired.retired_at is not None and not retired.is_active
    assert "inkomen" not in set(Code.objects.active().values_list("code", flat=True))
    # labels keep the retired code
    assert labelled[1].themes.filter(code="inkomen").exists()
    reinstated = actions.reinstate_code(code=code, by_user=administrator.user)
    assert reinstated.is_active
    actions_logged = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"insight.code_retired", "insight.code_reinstated"} <= actions_logged


def test_a_new_code_and_a_duplicate(administrator):
    code = actions.add_code(
        code="Wachttijd", name="Wachttijd", description="Wachten op een afspraak.",
        by_user=administrator.user,
    )  # fmt: skip
    assert code.code == "wachttijd" and code.order == len(DEFAULT_CODES) + 1
    with pytest.raises(ValidationError):
        actions.add_code(
            code="wachttijd", name="Nog eens", description="", by_user=administrator.user
        )


def test_a_manager_has_the_right_to_correct_and_an_adviser_not(manager, adviser):
    assert manager.user.has_perm("insight.correct_label")
    assert not adviser.user.has_perm("insight.correct_label")
    assert factories.make_staff("Klantonderzoeker").user.has_perm("insight.correct_label")


def test_the_admin_never_deletes_a_code_and_fixes_its_key(rf, administrator):
    from django.contrib import admin as django_admin

    from maatwerk.insight.admin import CodeAdmin

    model_admin = CodeAdmin(Code, django_admin.site)
    request = rf.get("/")
    request.user = administrator.user
    code = Code.objects.get(code="werk")
    assert not model_admin.has_delete_permission(request, code)
    assert model_admin.get_readonly_fields(request, code) == ["code"]


def test_corrections_become_training_rows_and_private_texts_never(client_record, manager, tmp_path):
    import csv
    import io
    import uuid

    from django.core.management import call_command
    from django.test import override_settings

    from maatwerk.feedback.tests import helpers as feedback
    from maatwerk.insight import classify
    from maatwerk.messaging import actions as messaging

    item = feedback.submit(client_record, text="Mijn uitkering kwam te laat.")
    feedback.submit(client_record, text="Niemand belde terug.")
    messaging.send_client_message(
        client=client_record, subject="Geld", body="Waar blijft mijn geld?", token=uuid.uuid4()
    )
    with override_settings(INSIGHT_ANALYSE_CLIENT_MESSAGES=True):
        classify.classify_backlog()
    label = Label.objects.get(source="feedback.feedback", source_id=item.pk)
    actions.correct_label(
        label=label, themes=["inkomen"], sentiment="negatief", by_user=manager.user
    )
    out = tmp_path / "corrections.csv"
    call_command("voice", "corrections", "--out", str(out), stdout=io.StringIO())
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {"text": "Mijn uitkering kwam te laat.", "themes": "inkomen", "sentiment": "negatief"}
    ]
    private = Label.objects.get(source="messaging.client_message")
    with pytest.raises(PermissionDenied):
        actions.correct_label(label=private, themes=[], sentiment="", by_user=manager.user)
