"""maatwerk profiler fit | score | report — train, batch-score and describe Werkverkenner models."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maatwerk.profiler import csvfile, scoring, service, storage


class Command(BaseCommand):
    help = (
        "Werkverkenner-model trainen (fit), een CSV scoren (score) of de modelkaart tonen (report)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{fit,score,report}")
        fit = sub.add_parser("fit", help="Train een model op een CSV met historische gevallen.")
        fit.add_argument("--data", required=True, metavar="CSV")
        fit.add_argument("--id", required=True, dest="id_column", metavar="COLUMN")
        fit.add_argument("--label", required=True, dest="label_column", metavar="COLUMN")
        fit.add_argument("--exclude", nargs="+", action="extend", default=[], metavar="COL")
        fit.add_argument("--sensitive", nargs="+", action="extend", default=[], metavar="COL")
        fit.add_argument("--seed", type=int, default=0)
        fit.add_argument("--notes", default="", help="Opmerking op de modelkaart.")
        fit.add_argument(
            "--invite-at-or-below",
            type=float,
            default=0.5,
            metavar="KANS",
            help="Drempel voor het eerlijkheidsrapport: uitnodigen bij deze kans of lager "
            "(standaard 0.5; gebruik dezelfde drempel als de Werkverkenner).",
        )
        fit.add_argument("--out", required=True, metavar="MODEL_DIR")
        score = sub.add_parser("score", help="Scoor alle rijen van een CSV.")
        score.add_argument("--model", required=True, metavar="MODEL_DIR")
        score.add_argument("--data", required=True, metavar="CSV")
        score.add_argument("--out", required=True, metavar="SCORES_CSV")
        report = sub.add_parser("report", help="Toon de modelkaart als Markdown.")
        report.add_argument("--model", required=True, metavar="MODEL_DIR")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(options)
        except service.ModelError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"Bestandsfout: {exc}") from exc
        except (ValueError, KeyError, TypeError) as exc:
            # A case the checks above did not foresee: still a message, not a traceback.
            raise CommandError(f"Ongeldige invoer: {exc}") from exc

    def _fit(self, options):
        path = Path(options["data"])
        storage.check_target(options["out"])
        frame = csvfile.read_all(path, id_column=options["id_column"])
        model = service.fit(
            frame,
            id_column=options["id_column"],
            label_column=options["label_column"],
            exclude=options["exclude"],
            sensitive=options["sensitive"],
            seed=options["seed"],
            source={"file": path.name, "sha256": storage.sha256_file(path)},
            notes=options["notes"],
            invite_at_or_below=options["invite_at_or_below"],
        )
        target = service.save(model, options["out"])
        m = model.card["metrics"]
        self.stdout.write(
            f"Model opgeslagen in {target}: {model.card['model']['chosen']} "
            f"({model.calibration}), {len(model.feature_names)} kenmerken, "
            f"AUC {m['auc']['value']:.3f}, Brier {m['brier']['value']:.4f}, "
            f"ECE {m['ece']['value']:.4f}."
        )

    def _score(self, options):
        model = service.load(options["model"])
        verbose = options["verbosity"] >= 2
        rows = scoring.score_csv(
            model,
            options["data"],
            options["out"],
            progress=(lambda n: self.stdout.write(f"{n} rijen gescoord…")) if verbose else None,
        )
        if options["verbosity"] >= 1:
            self.stdout.write(f"{rows} rijen gescoord naar {options['out']}.")

    def _report(self, options):
        self.stdout.write(service.card_markdown(service.load(options["model"])))
