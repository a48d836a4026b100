"""Benchmark the Werkverkenner profiler on the real penn_jae data.

    .venv/bin/python bench/profiler.py              # quality, 1,000,000-row scoring, one client
    .venv/bin/python bench/profiler.py --rows 200000

Quality: 5-fold stratified cross-validation (seed 0) on ../shared/data/penn_jae/train.csv,
without the sensitive attributes (and without abdt, inuidur1, inuidur2). The full profiler
pipeline (model choice + calibration, refitted inside every training fold, so nothing of the
test fold is seen) against plain LogisticRegression() on the same folds.
Speed: `maatwerk profiler score` on N rows resampled from penn_jae (wall clock of the whole
command, process start included; target < 60 s for 1,000,000 rows), and one client's score plus
explanation through the Python API (median of 100; target < 50 ms).
Writes bench/results/profiler.md; exits 1 when a speed target is missed. Skips (exit 0) when the
data is absent.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "penn_jae" / "train.csv"
RESULTS = ROOT / "bench" / "results" / "profiler.md"
MAATWERK = Path(sys.executable).parent / "maatwerk"
ID, LABEL = "claimant_id", "left_benefit_26w"
EXCLUDE = ["abdt", "inuidur1", "inuidur2"]
SENSITIVE = ["female", "black", "hispanic", "othrace"]
SCORE_TARGET_S, CLIENT_TARGET_MS, ECE_TARGET = 60.0, 50.0, 0.02


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    import django

    django.setup()


def quality(frame: pd.DataFrame) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from maatwerk.profiler import metrics, service

    y = frame[LABEL].to_numpy()
    features = [c for c in frame.columns if c not in {ID, LABEL, *EXCLUDE, *SENSITIVE}]
    X = frame[features].to_numpy(dtype=float)
    pipeline_p = np.empty(len(y))
    plain_p = np.empty(len(y))
    chosen = []
    started = time.monotonic()
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        model = service.fit(
            frame.iloc[train],
            id_column=ID,
            label_column=LABEL,
            exclude=EXCLUDE,
            sensitive=SENSITIVE,
            seed=0,
        )
        assert not set(SENSITIVE) & set(model.feature_names)
        chosen.append(f"{model.card['model']['chosen']}/{model.calibration}")
        pipeline_p[test] = model.predict(frame.iloc[test])
        plain = LogisticRegression(max_iter=1000).fit(X[train], y[train])
        plain_p[test] = plain.predict_proba(X[test])[:, 1]
    seconds = time.monotonic() - started
    result = {"chosen": chosen, "seconds": seconds, "rows": len(y), "features": features}
    for name, p in (("pipeline", pipeline_p), ("plain", plain_p)):
        result[name] = metrics.summary_with_intervals(y, p, seed=0)
        result[name]["log_loss"] = metrics.log_loss(y, p)
    # paired bootstrap of the AUC difference (same resamples for both)
    rng = np.random.default_rng(1)
    _, g1 = np.unique(pipeline_p, return_inverse=True)
    _, g2 = np.unique(plain_p, return_inverse=True)
    diffs = []
    for _ in range(1000):
        w = np.bincount(rng.integers(0, len(y), len(y)), minlength=len(y)).astype(float)
        diffs.append(
            metrics._weighted_auc(y, g1, g1.max() + 1, w)
            - metrics._weighted_auc(y, g2, g2.max() + 1, w)
        )
    result["auc_diff"] = (
        metrics.auc(y, pipeline_p) - metrics.auc(y, plain_p),
        *np.percentile(diffs, [2.5, 97.5]),
    )
    return result


def cli(*args) -> float:
    started = time.monotonic()
    subprocess.run([str(MAATWERK), "profiler", *map(str, args)], check=True)  # noqa: S603
    return time.monotonic() - started


def speed(frame: pd.DataFrame, rows: int, work: Path) -> dict:
    model_dir = work / "model"
    fit_s = cli(
        "fit",
        "--data",
        DATA,
        "--id",
        ID,
        "--label",
        LABEL,
        "--exclude",
        *EXCLUDE,
        "--sensitive",
        *SENSITIVE,
        "--out",
        model_dir,
    )
    rng = np.random.default_rng(0)
    big = frame.iloc[rng.integers(0, len(frame), rows)].reset_index(drop=True)
    big[ID] = [f"b{i:07d}" for i in range(rows)]
    big_csv = work / "big.csv"
    big.to_csv(big_csv, index=False)
    out = work / "scores.csv"
    score_s = cli("score", "--model", model_dir, "--data", big_csv, "--out", out)
    written = sum(1 for _ in open(out)) - 1  # noqa: SIM115
    assert written == rows, (written, rows)

    from maatwerk.profiler import service

    model = service.load(model_dir)
    clients = frame.sample(100, random_state=1).to_dict("records")
    timings = []
    for row in clients:
        started = time.perf_counter()
        p = model.predict([row])[0]
        service.band(p)
        model.explain(row)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "fit_s": fit_s,
        "rows": rows,
        "score_s": score_s,
        "csv_mb": big_csv.stat().st_size / 1e6,
        "client_median_ms": statistics.median(timings),
        "client_p95_ms": float(np.percentile(timings, 95)),
        "kind": f"{model.kind}/{model.calibration}",
    }


def ci(m: dict, digits=4) -> str:
    return f"{m['value']:.{digits}f} ({m['low']:.{digits}f}–{m['high']:.{digits}f})"


def write(q: dict, s: dict, load: float, command: str) -> None:
    pl, lr = q["pipeline"], q["plain"]
    d, lo, hi = q["auc_diff"]
    beat = pl["auc"]["value"] > lr["auc"]["value"] and pl["brier"]["value"] < lr["brier"]["value"]
    lines = [
        "# Benchmark: Werkverkenner profiler (penn_jae)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `{command}`; load average before: "
        f"{load:.1f} (other work on the machine). Machine: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
        "",
        "## Quality: 5-fold stratified CV (seed 0), without sensitive attributes",
        "",
        f"{q['rows']} rows, {len(q['features'])} features ({', '.join(q['features'])}); "
        f"excluded {', '.join(EXCLUDE)}; sensitive {', '.join(SENSITIVE)} are not inputs. "
        "The profiler pipeline is refitted (model choice and calibration) inside every training "
        "fold; chosen per fold: " + ", ".join(q["chosen"]) + f". Took {q['seconds']:.0f} s.",
        "",
        "| model | AUC (95% CI) | Brier (95% CI) | ECE, 10 bins (95% CI) | log-loss |",
        "| --- | --- | --- | --- | ---: |",
        f"| profiler pipeline | {ci(pl['auc'])} | {ci(pl['brier'])} | {ci(pl['ece'])} | "
        f"{pl['log_loss']:.4f} |",
        f"| plain LogisticRegression() | {ci(lr['auc'])} | {ci(lr['brier'])} | {ci(lr['ece'])} | "
        f"{lr['log_loss']:.4f} |",
        "",
        f"AUC difference (pipeline − plain), paired bootstrap: {d:+.4f} (95% CI {lo:+.4f} to "
        f"{hi:+.4f}).",
        "",
        (
            "The pipeline beats plain logistic regression on AUC and Brier"
            if beat
            else "The pipeline does NOT beat plain logistic regression on both AUC and Brier"
        )
        + f", with ECE {pl['ece']['value']:.4f} "
        + ("≤" if pl["ece"]["value"] <= ECE_TARGET else ">")
        + f" {ECE_TARGET}. "
        + (
            "The margin is small: the interval of the difference includes zero, so on these "
            "data the two are practically equivalent."
            if lo <= 0 <= hi
            else ""
        ),
        "",
        "## Speed",
        "",
        "| what | result | target |",
        "| --- | ---: | --- |",
        f"| `maatwerk profiler fit` on penn_jae (11,130 rows, whole command) "
        f"| {s['fit_s']:.1f} s | – |",
        f"| `maatwerk profiler score`, {s['rows']:,} rows ({s['csv_mb']:.0f} MB CSV, "
        f"whole command) | {s['score_s']:.1f} s | < {SCORE_TARGET_S:.0f} s |",
        f"| one client: `predict` + `band` + `explain`, median of 100 | "
        f"{s['client_median_ms']:.2f} ms (p95 {s['client_p95_ms']:.2f} ms) "
        f"| < {CLIENT_TARGET_MS:.0f} ms |",
        "",
        f"Model used for speed: {s['kind']} (the one `fit` chose on all rows).",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"SKIPPED: penn_jae data not found at {DATA}")
        return 0
    setup_django()
    load = os.getloadavg()[0]
    frame = pd.read_csv(DATA, dtype={ID: str})
    q = quality(frame)
    with tempfile.TemporaryDirectory(prefix="bench-profiler-") as work:
        s = speed(frame, args.rows, Path(work))
    command = ".venv/bin/python bench/profiler.py" + (
        "" if args.rows == 1_000_000 else f" --rows {args.rows}"
    )
    write(q, s, load, command)
    print(RESULTS.read_text())
    ok = s["score_s"] < SCORE_TARGET_S and s["client_median_ms"] < CLIENT_TARGET_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
