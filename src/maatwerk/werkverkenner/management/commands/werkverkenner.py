"""`maatwerk werkverkenner ...`: train and activate model versions, score all clients."""

import csv
import sys
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from maatwerk.werkverkenner import actions, model_store
from maatwerk.werkverkenner.conf import app_settings
from maatwerk.werkverkenner.models import BatchRun, ModelVersion


class Command(BaseCommand):
    help = "Werkverkenner: modelversies trainen en activeren, alle cliënten opnieuw berekenen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        train = sub.add_parser("train", help="een nieuwe modelversie trainen uit een CSV")
        train.add_argument("--data", required=True, help="CSV met historische gevallen")
        train.add_argument("--id", default="id", help="kolom met het id (standaard: id)")
        train.add_argument("--label", default="werk_binnen_jaar", help="kolom met de uitkomst 0/1")
        train.add_argument("--exclude", nargs="*", default=[], help="kolommen om weg te laten")
        train.add_argument("--sensitive", nargs="*", default=[], help="alleen voor de controle")
        train.add_argument("--name", required=True, help="naam van de modelversie")
        train.add_argument("--synthetic", action="store_true", help="gegevens zijn verzonnen")
        train.add_argument("--activate", action="store_true", help="meteen activeren")
        demo = sub.add_parser("demo-model", help="demomodel op verzonnen gegevens trainen")
        demo.add_argument("--rows", type=int, default=3000)
        demo.add_argument("--seed", type=int, default=1)
        demo.add_argument("--no-activate", action="store_true")
        activate = sub.add_parser("activate", help="een modelversie activeren")
        activate.add_argument("name")
        sub.add_parser("list", help="modelversies tonen")
        batch = sub.add_parser("batch-score", help="alle cliënten met het actieve model berekenen")
        batch.add_argument("--wait", action="store_true", help="hier uitvoeren en voortgang tonen")
        batch.add_argument("--resume", type=int, help="een onderbroken berekening (id) hervatten")
        batch.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, subcommand, **options):
        handler = getattr(self, "do_" + subcommand.replace("-", "_"))
        try:
            handler(**options)
        except (ValidationError, model_store.ModelUnavailable) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(" ".join(messages)) from error

    def do_train(self, *, data, id, label, exclude, sensitive, name, synthetic, activate, **_):
        from maatwerk.profiler import service

        path = Path(data)
        if not path.is_file():
            raise CommandError(f"Het bestand bestaat niet: {path}")
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                rows = list(csv.DictReader(handle))
        except (UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Het bestand is geen leesbare CSV: {error}") from error
        if not rows:
            raise CommandError("Het bestand heeft geen gegevens.")
        try:
            model = service.fit(
                rows,
                id_column=id,
                label_column=label,
                exclude=exclude,
                sensitive=sensitive,
                source={"file": path.name},
                notes="getraind op verzonnen (synthetische) gegevens" if synthetic else "",
                invite_at_or_below=app_settings.WERKVERKENNER_THRESHOLD,
            )
        except (service.ModelError, ValueError, KeyError) as error:
            raise CommandError(f"Trainen lukt niet: {error}") from error
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp) / "model"
            service.save(model, directory)
            version = actions.register_model(
                source=directory,
                name=name,
                trained_by="opdrachtregel",
                synthetic=synthetic,
                data=path.name,
            )
        self.stdout.write(f"Modelversie {version.name} opgeslagen. {self._metrics(version)}\n")
        if activate:
            actions.activate_model(version=version, user=None)
            self.stdout.write(f"{version.name} is nu actief.\n")

    def do_demo_model(self, *, rows, seed, no_activate, **_):
        from maatwerk.werkverkenner.demo_model import train_demo_model

        version = train_demo_model(rows=rows, seed=seed, activate=not no_activate)
        self.stdout.write(
            f"Demomodel {version.name} (getraind op verzonnen gegevens). {self._metrics(version)}\n"
        )

    def do_activate(self, *, name, **_):
        version = ModelVersion.objects.filter(name=name).first()
        if version is None:
            raise CommandError(f"Er is geen modelversie met de naam {name!r}.")
        actions.activate_model(version=version, user=None)
        self.stdout.write(f"{version.name} is nu actief.\n")

    def do_list(self, **_):
        for version in ModelVersion.objects.all():
            flag = "*" if version.is_active else " "
            self.stdout.write(f"{flag} {version.name}  {self._metrics(version)}\n")

    def do_batch_score(self, *, wait, resume, chunk_size, **_):
        from maatwerk.werkverkenner.tasks import run_all_chunks, score_batch

        if resume is not None:
            run = BatchRun.objects.filter(pk=resume).first()
            if run is None:
                raise CommandError(f"Er is geen berekening met id {resume}.")
            if run.status == BatchRun.Status.DONE:
                raise CommandError(f"Berekening {resume} is al klaar.")
        else:
            run = actions.start_batch(label="opdrachtregel", chunk_size=chunk_size)
        self.stdout.write(f"Berekening {run.pk}: {run.total} cliënten.\n")
        if not wait:
            score_batch.enqueue(run.pk)
            run.refresh_from_db()
            self.stdout.write(
                f"In de wachtrij gezet (status: {run.get_status_display()}, "
                f"{run.processed}/{run.total}).\n"
            )
            return

        def progress(current):
            current.refresh_from_db()
            self.stdout.write(
                f"{current.processed}/{current.total} ({current.percent}%), "
                f"{current.scored} nieuwe uitkomsten\n"
            )
            sys.stdout.flush()

        run = run_all_chunks(run.pk, progress=progress)
        run.refresh_from_db()
        if run.status == BatchRun.Status.FAILED:
            raise CommandError(f"Berekening mislukt: {run.error}")
        self.stdout.write(f"Klaar: {run.processed} cliënten, {run.scored} nieuwe uitkomsten.\n")

    @staticmethod
    def _metrics(version) -> str:
        m = version.metrics
        parts = [f"{k.upper()} {m[k]:.3f}" for k in ("auc", "brier", "ece") if k in m]
        return ", ".join(parts)
