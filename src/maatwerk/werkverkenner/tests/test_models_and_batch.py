"""Model versions (register, activate, admin) and batch scoring."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.werkverkenner import actions, explain, tasks
from maatwerk.werkverkenner.demo import fill_in
from maatwerk.werkverkenner.models import BatchRun, ModelVersion, Score

from .helpers import DOING_WELL, NEEDS_HELP, activate_test_model, fitted_model_dir

pytestmark = pytest.mark.django_db


def test_registered_version_has_card_metrics_and_features(active_version):
    assert active_version.is_active and active_version.synthetic
    assert 0.5 < active_version.metrics["auc"] <= 1
    assert {"brier", "ece"} <= set(active_version.metrics)
    assert "gezondheid_beperking" in active_version.feature_names
    assert active_version.card_text.startswith("#")
    assert AuditEntry.objects.filter(action="werkverkenner.model_activated").exists()


def test_only_one_active_version(active_version):
    second = activate_test_model("Tweede")
    active_version.refresh_from_db()
    assert second.is_active and not active_version.is_active
    with pytest.raises(IntegrityError), transaction.atomic():
        ModelVersion.objects.filter(pk=active_version.pk).update(is_active=True)


def test_a_model_that_needs_unknown_features_cannot_be_activated(active_version):
    active_version.feature_names = [*active_version.feature_names, "schoenmaat"]
    active_version.save()
    with pytest.raises(ValidationError, match="schoenmaat"):
        actions.activate_model(version=active_version, user=None)


def test_accuracy_sentence_in_words():
    assert "ongeveer 7 van de 10 keer" in explain.accuracy_sentence({"auc": 0.71})
    assert "nog niet" in explain.accuracy_sentence({})


def test_admin_shows_card_compares_and_activates(login, administrator, active_version):
    second = actions.register_model(
        source=fitted_model_dir(), name="Nieuw <b>model</b>", synthetic=True, trained_by="test"
    )
    web = login(administrator.user)
    page = web.get(reverse("admin:werkverkenner_modelversion_change", args=[second.pk])).text
    assert "verzonnen (synthetische) gegevens" in page
    assert "Modelkaart Werkverkenner" in page
    assert "Testmodel" in page  # compared with the active version
    assert "<b>model</b>" not in page  # escaped
    response = web.post(
        reverse("admin:werkverkenner_modelversion_changelist"),
        {"action": "activate", "_selected_action": [second.pk]},
        follow=True,
    )
    assert response.status_code == 200
    second.refresh_from_db()
    assert second.is_active
    entry = AuditEntry.objects.filter(action="werkverkenner.model_activated").first()
    assert entry.object_id == str(second.pk) and entry.actor_user_id == administrator.user.pk


def test_adviser_cannot_see_model_versions(login, adviser, active_version):
    web = login(adviser.user)
    response = web.get(reverse("admin:werkverkenner_modelversion_changelist"))
    assert response.status_code in (302, 403)


def _clients_with_answers(adviser, count):
    clients = []
    for number in range(count):
        client = factories.make_client(contact_person=adviser)
        fill_in(client, dict(NEEDS_HELP if number % 2 else DOING_WELL))
        clients.append(client)
    return clients


def test_batch_resumes_after_an_interruption(adviser, active_version, monkeypatch):
    clients = _clients_with_answers(adviser, 5)
    new = activate_test_model("Batchmodel")
    run = actions.start_batch(chunk_size=2)
    assert run.total == 5 and run.model_version == new
    calls = {"n": 0}
    real = actions._score_and_queue

    def crash_on_third(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("worker stopped")
        return real(*args, **kwargs)

    monkeypatch.setattr(actions, "_score_and_queue", crash_on_third)
    result = tasks.score_batch.enqueue(run.pk)  # the worker dies in the second chunk
    assert result.status == "FAILED"
    run.refresh_from_db()
    assert run.processed == 2 and run.last_client_id == clients[1].pk  # first chunk committed
    assert Score.objects.filter(model_version=new).count() == 2
    monkeypatch.setattr(actions, "_score_and_queue", real)
    tasks.score_batch.enqueue(run.pk)  # enqueue again: continues after the last client
    run.refresh_from_db()
    assert run.status == BatchRun.Status.DONE and run.processed == 5 and run.scored == 5
    assert Score.objects.filter(model_version=new, cause="batch").count() == 5
    assert AuditEntry.objects.filter(action="werkverkenner.batch_finished").exists()


def test_batch_command_prints_progress(adviser, active_version):
    _clients_with_answers(adviser, 3)
    activate_test_model("Opdrachtregelmodel")
    output = StringIO()
    call_command("werkverkenner", "batch-score", "--wait", "--chunk-size", "2", stdout=output)
    text = output.getvalue()
    assert "2/3" in text and "Klaar: 3 cliënten, 3 nieuwe uitkomsten" in text
    with pytest.raises(CommandError, match="al klaar"):
        run = BatchRun.objects.get()
        call_command("werkverkenner", "batch-score", "--resume", str(run.pk), stdout=StringIO())


def test_batch_page_for_administrators(login, administrator, adviser, active_version):
    _clients_with_answers(adviser, 2)
    web = login(administrator.user)
    response = web.post(reverse("werkverkenner:batch"), follow=True)
    assert "De berekening is gestart." in response.text
    run = BatchRun.objects.get()
    assert run.status == BatchRun.Status.DONE and run.processed == 2
    assert "2 / 2" in response.text


def test_batch_without_active_model_is_a_clear_error():
    with pytest.raises(CommandError, match="geen actief model"):
        call_command("werkverkenner", "batch-score", stdout=StringIO())


def test_train_command_refuses_bad_csv(tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_text("")
    with pytest.raises(CommandError, match="geen gegevens"):
        call_command("werkverkenner", "train", "--data", str(empty), "--name", "x")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("werkverkenner", "train", "--data", str(tmp_path / "nee.csv"), "--name", "x")
    bad = tmp_path / "slecht.csv"
    bad.write_text("id,werk_binnen_jaar,a\n1,2,3\n2,0,4\n")
    with pytest.raises(CommandError, match="Trainen lukt niet"):
        call_command("werkverkenner", "train", "--data", str(bad), "--name", "x")
    assert not ModelVersion.objects.exists()


def test_train_command_from_csv(tmp_path):
    import csv

    from maatwerk.werkverkenner import synthetic
    from maatwerk.werkverkenner.queries import current_questionnaire

    rows = synthetic.cases(synthetic.feature_space(current_questionnaire()), rows=800, seed=4)
    path = tmp_path / "gevallen.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    output = StringIO()
    call_command(
        "werkverkenner",
        "train",
        "--data",
        str(path),
        "--sensitive",
        *synthetic.SENSITIVE,
        "--name",
        "Uit CSV",
        "--synthetic",
        "--activate",
        stdout=output,
    )
    version = ModelVersion.objects.get(name="Uit CSV")
    assert version.is_active and "AUC" in output.getvalue()
    assert not set(synthetic.SENSITIVE) & set(version.feature_names)


@override_settings(WERKVERKENNER_THRESHOLD=0.3)
def test_the_fairness_report_audits_the_configured_threshold():
    from maatwerk.profiler import service
    from maatwerk.werkverkenner.demo_model import fit_demo

    model = fit_demo(rows=600, seed=3)
    assert model.card["invite_at_or_below"] == 0.3
    assert "Uitgenodigd = kans 30% of lager." in service.card_markdown(model)
