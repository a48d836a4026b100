"""Benchmark the insight classifier on real Dutch review sentences (dutch_reviews).

    .venv/bin/python bench/insight_quality.py                  # quality + speed on 5,000 texts
    .venv/bin/python bench/insight_quality.py --texts 100000   # speed measured on 100,000 texts

Quality: 5-fold cross-validation grouped by review (GroupKFold on review_id), the same folds for
every method: the three methods of ``maatwerk.insight.classifier`` (TF-IDF, multilingual sentence
embeddings, both) and a plain baseline, TfidfVectorizer() + LogisticRegression() with their
defaults (one per theme, one multinomial for sentiment). Themes: micro- and macro-F1 over all
sentences (an empty theme set is a valid answer); sentiment: accuracy and macro-F1 over the
sentences that have a sentiment label. The method chosen is the one ``classifier.fit`` would
choose: the best mean of theme macro-F1 and sentiment macro-F1.
Speed: ``Model.predict`` (cleaning, language check, embeddings, linear models: what
`maatwerk voice classify` and the background task run) on N texts resampled from the data, after
one warm-up batch; extrapolated to 100,000 texts (target < 10 minutes).
Writes bench/results/insight_quality.md; exits 1 when the chosen method does not beat the
baseline on both tasks or misses the speed target. Skips (exit 0) when the data is absent.
"""

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from maatwerk.insight import classifier  # noqa: E402
from maatwerk.insight.embeddings import embed  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "dutch_reviews" / "train.csv"
RESULTS = ROOT / "bench" / "results" / "insight_quality.md"
TARGET_100K_S = 600.0


def read_data(path: Path):
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [r["text"] for r in rows]
    themes = [[c for c in r["themes"].split(";") if c] for r in rows]
    sentiments = [r["sentiment"] for r in rows]
    groups = [r["review_id"] for r in rows]
    return texts, themes, sentiments, groups


def baseline(training, folds) -> dict:
    """Plain TF-IDF + logistic regression, every setting at its default."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    texts = np.array(training.texts, dtype=object)
    matrix = training.theme_matrix
    sentiments = np.array(training.sentiments, dtype=object)
    labelled = training.has_sentiment
    predicted = np.zeros_like(matrix)
    guessed = np.array([""] * len(texts), dtype=object)
    for train_rows, test_rows in folds:
        vectorizer = TfidfVectorizer().fit(texts[train_rows])
        x_train, x_test = (
            vectorizer.transform(texts[train_rows]),
            vectorizer.transform(texts[test_rows]),
        )
        for j in range(matrix.shape[1]):
            model = LogisticRegression().fit(x_train, matrix[train_rows, j])
            predicted[test_rows, j] = model.predict(x_test)
        with_label = train_rows[labelled[train_rows]]
        model = LogisticRegression().fit(
            vectorizer.transform(texts[with_label]), sentiments[with_label]
        )
        guessed[test_rows] = model.predict(x_test)
    return {
        "theme_micro_f1": float(f1_score(matrix, predicted, average="micro")),
        "theme_macro_f1": float(f1_score(matrix, predicted, average="macro", zero_division=0)),
        "sentiment_accuracy": float(accuracy_score(sentiments[labelled], guessed[labelled])),
        "sentiment_macro_f1": float(
            f1_score(sentiments[labelled], guessed[labelled], average="macro", zero_division=0)
        ),
    }


def speed(model, texts: list[str], n: int) -> dict:
    rng = np.random.default_rng(0)
    sample = [texts[i] for i in rng.integers(0, len(texts), n)]
    model.predict(sample[:200])  # warm-up: loads the encoder and the language model
    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, n, 2000):  # the batch size of `maatwerk voice classify`
        model.predict(sample[start : start + 2000])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"n": n, "wall_s": wall, "cpu_s": cpu, "per_s": n / wall, "per_cpu_s": n / cpu}


def row(name: str, f: dict) -> str:
    return (
        f"| {name} | {f['theme_micro_f1']:.3f} | {f['theme_macro_f1']:.3f} | "
        f"{f['sentiment_accuracy']:.3f} | {f['sentiment_macro_f1']:.3f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=5000, help="texts for the speed figure")
    parser.add_argument("--data", type=Path, default=DATA, help=f"default: {DATA}")
    options = parser.parse_args()
    if not options.data.is_file():
        print(f"Skipped: {options.data} is absent (the benchmark needs ../shared/data).")
        return 0
    command = "`" + " ".join([".venv/bin/python bench/insight_quality.py", *sys.argv[1:]]) + "`"
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    texts, themes, sentiments, groups = read_data(options.data)
    training = classifier.training_data(texts, themes, sentiments)
    folds = classifier.grouped_folds(len(training.texts), groups)
    t = time.perf_counter()
    embedded = embed(training.texts)
    embed_s = time.perf_counter() - t
    figures = {}
    for method in classifier.METHODS:
        t = time.perf_counter()
        figures[method] = classifier.cross_validate(training, method, folds, embedded)
        print(method, figures[method], f"{time.perf_counter() - t:.0f} s", flush=True)
    plain = baseline(training, folds)
    print("baseline", plain, flush=True)
    chosen = max(classifier.METHODS, key=lambda m: classifier.combined_score(figures[m]))
    best = figures[chosen]
    beats = (
        best["theme_micro_f1"] > plain["theme_micro_f1"]
        and best["theme_macro_f1"] > plain["theme_macro_f1"]
        and best["sentiment_accuracy"] > plain["sentiment_accuracy"]
        and best["sentiment_macro_f1"] > plain["sentiment_macro_f1"]
    )
    quality_s = time.perf_counter() - started
    model = classifier.train(training, chosen, embedded)
    measured = speed(model, training.texts, options.texts)
    per_100k = 100_000 / measured["per_s"]
    per_100k_cpu = 100_000 / measured["per_cpu_s"]
    load_after = os.getloadavg()[0]
    fast_enough = per_100k < TARGET_100K_S

    counts = training.theme_matrix.sum(axis=0)
    labelled = [s for s in training.sentiments if s]
    lines = [
        "# Benchmark: insight classifier (dutch_reviews)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with {command}; load average before: "
        f"{load_before:.1f}, after: {load_after:.1f} (other work on the machine). Machine: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}.",
        "",
        "## Quality: 5-fold cross-validation grouped by review (GroupKFold on review_id)",
        "",
        f"{len(training.texts)} sentences from {len(set(groups))} reviews; themes "
        + ", ".join(f"{c} ({int(n)})" for c, n in zip(training.themes, counts, strict=True))
        + f"; {len(labelled)} sentences with a sentiment ("
        + ", ".join(f"{s} {labelled.count(s)}" for s in sorted(set(labelled)))
        + f"). The same folds for every row; embeddings computed once ({embed_s:.0f} s). "
        f"Quality part took {quality_s:.0f} s.",
        "",
        "| method | theme micro-F1 | theme macro-F1 | sentiment accuracy | sentiment macro-F1 |",
        "| --- | ---: | ---: | ---: | ---: |",
        row("baseline: TfidfVectorizer() + LogisticRegression(), defaults", plain),
        *[row(f"`{m}`" + (" (chosen)" if m == chosen else ""), figures[m]) for m in figures],
        "",
        f"Chosen: `{chosen}` (best mean of theme macro-F1 and sentiment macro-F1, the rule "
        "`classifier.fit` uses). "
        + (
            "It beats the baseline on both tasks, on all four figures."
            if beats
            else "**It does not beat the baseline on every figure.**"
        ),
        "",
        "## Speed",
        "",
        "| what | result | target |",
        "| --- | ---: | --- |",
        f"| `Model.predict` ({chosen}), {measured['n']:,} texts, wall clock | "
        f"{measured['wall_s']:.1f} s ({measured['per_s']:.0f} texts/s) | – |",
        f"| 100,000 texts, {'measured' if measured['n'] == 100_000 else 'extrapolated'} "
        f"from that wall clock | {per_100k:.0f} s "
        f"({per_100k / 60:.1f} min) | < 600 s |",
        f"| the same in CPU time of this process (what it costs without other work) | "
        f"{per_100k_cpu:.0f} s ({measured['per_cpu_s']:.0f} texts/s of CPU) | – |",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0 if beats and fast_enough else 1


if __name__ == "__main__":
    sys.exit(main())
