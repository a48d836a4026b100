"""maatwerk voice fit | classify | corrections — train the insight classifier on labelled texts,
label a CSV, or write the labels staff corrected (the next model's training data).

Exit codes as ``maatwerk profiler``: 0 done, 1 bad input (a Dutch message, nothing written),
2 wrong use of the command line.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maatwerk.insight import csvfile, store
from maatwerk.insight.errors import InsightError

BATCH = 2000


class Command(BaseCommand):
    help = "Klantteksten: een thema- en sentimentmodel trainen (fit) of een CSV labelen (classify)."
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{fit,classify,corrections}"
        )
        fit = sub.add_parser("fit", help="Train een model op een CSV met gelabelde teksten.")
        fit.add_argument("--data", required=True, metavar="CSV")
        fit.add_argument("--text-col", required=True, metavar="COL")
        fit.add_argument(
            "--themes-col", required=True, metavar="COL", help="Codes, gescheiden door ';'."
        )
        fit.add_argument(
            "--sentiment-col",
            required=True,
            metavar="COL",
            help="Een lege cel betekent: geen sentimentlabel voor die rij.",
        )
        fit.add_argument(
            "--group-col",
            metavar="COL",
            help="Teksten met dezelfde waarde (zinnen van één reactie) blijven bij het kiezen "
            "van de methode in één deel.",
        )
        fit.add_argument(
            "--codebook",
            metavar="CODES|default",
            help="Alleen deze codes (gescheiden door ';'), of 'default': het codeboek van "
            "Maatwerk. Zonder deze optie is het codeboek de set thema's in de data.",
        )
        fit.add_argument("--out", required=True, metavar="MODEL_DIR")
        classify = sub.add_parser("classify", help="Label alle teksten van een CSV.")
        classify.add_argument(
            "--model", required=True, metavar="MODEL_DIR|default", help="'default': het startmodel."
        )
        classify.add_argument("--data", required=True, metavar="CSV")
        classify.add_argument("--id-col", required=True, metavar="COL")
        classify.add_argument("--text-col", required=True, metavar="COL")
        classify.add_argument("--out", required=True, metavar="CSV")

        corrections = sub.add_parser(
            "corrections",
            help="Schrijf de door medewerkers gecorrigeerde labels met hun tekst naar een CSV "
            "(kolommen text, themes, sentiment), om mee te trainen; privéberichten nooit.",
        )
        corrections.add_argument("--out", required=True, metavar="CSV")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(options)
        except InsightError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"Bestandsfout: {exc}") from exc
        except (ValueError, KeyError, TypeError) as exc:
            # A case the checks did not foresee: still a message, not a traceback.
            raise CommandError(f"Ongeldige invoer: {exc}") from exc

    def _fit(self, options):
        from maatwerk.insight import classifier

        path = Path(options["data"])
        store.check_target(options["out"])
        text_col, themes_col = options["text_col"], options["themes_col"]
        sentiment_col, group_col = options["sentiment_col"], options["group_col"]
        columns = list(
            dict.fromkeys(c for c in (text_col, themes_col, sentiment_col, group_col) if c)
        )
        rows = csvfile.read(path, columns)
        model = classifier.fit(
            [r[text_col] for r in rows],
            [csvfile.split_themes(r[themes_col]) for r in rows],
            [r[sentiment_col] for r in rows],
            codebook=self._codebook(options["codebook"]),
            groups=[r[group_col] for r in rows] if group_col else None,
            source={"file": path.name, "sha256": store.sha256_file(path)},
        )
        target = store.save(model, options["out"])
        self.stdout.write(
            f"Model opgeslagen in {target}: methode {model.method} ({model.card['chosen_by']}), "
            f"{model.card['rows']} teksten, thema's: {', '.join(model.themes)}; "
            f"sentiment: {', '.join(model.sentiments)}."
        )

    def _corrections(self, options):
        from maatwerk.insight.queries import corrected_examples

        rows = corrected_examples()
        count = csvfile.write_atomically(
            options["out"],
            ["text", "themes", "sentiment"],
            ([r["text"], r["themes"], r["sentiment"]] for r in rows),
        )
        self.stdout.write(f"{count} gecorrigeerde teksten geschreven naar {options['out']}.")

    @staticmethod
    def _codebook(value):
        if value is None:
            return None
        if value == "default":
            from maatwerk.insight.codebook import DEFAULT_CODES

            return [code for code, _name, _description in DEFAULT_CODES]
        codes = csvfile.split_themes(value)
        if not codes:
            raise InsightError("--codebook noemt geen enkele code.")
        return codes

    def _classify(self, options):
        model = store.load_named(options["model"])
        id_col, text_col = options["id_col"], options["text_col"]
        rows = csvfile.read(options["data"], list(dict.fromkeys([id_col, text_col])))

        def labelled():
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                for row, label in zip(
                    batch, model.predict([r[text_col] for r in batch]), strict=True
                ):
                    # Another language: no theme is guessed; the sentiment cell says why.
                    sentiment = label.sentiment or (
                        label.language if label.language == "andere taal" else ""
                    )
                    yield [row[id_col], csvfile.THEME_SEPARATOR.join(label.themes), sentiment]

        count = csvfile.write_atomically(
            options["out"], [id_col, "themes", "sentiment"], labelled()
        )
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"{count} teksten gelabeld naar {options['out']} (model {model.version})."
            )
