"""The model card: a dict stored as card.json, and its Markdown rendering (in Dutch)."""

import platform
from datetime import UTC, datetime
from importlib import metadata

import numpy as np

from . import fairness, metrics

SENSITIVE_STATEMENT = (
    "Gevoelige kenmerken zijn nooit invoer van het model. Ze worden alleen gebruikt om na te "
    "gaan of het model voor alle groepen even goed werkt (het eerlijkheidsrapport hieronder)."
)
PACKAGES = ("maatwerk", "scikit-learn", "numpy", "scipy", "pandas", "skops", "fairlearn")
MODEL_NAMES = {
    "logistic_regression": "logistische regressie (L2-geregulariseerd)",
    "gradient_boosting": "gradient boosting (HistGradientBoostingClassifier, diepte 2)",
}


def versions() -> dict:
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def build(
    *,
    selection,
    y,
    features,
    id_column,
    label_column,
    exclude,
    sensitive_frame,
    seed,
    source,
    notes,
    invite_at_or_below,
) -> dict:
    oof = selection.oof
    return {
        "data": {
            "rows": int(len(y)),
            "label": label_column,
            "label_rate": float(np.mean(y)),
            "id_column": id_column,
            "features": list(features),
            "excluded": list(exclude),
            "sensitive": [str(c) for c in sensitive_frame.columns],
        },
        "model": {
            "chosen": selection.kind,
            "calibration": selection.method,
            "comparison": selection.comparison,
            "calibration_tries": selection.calibration_tries,
            "folds": 5,
            "seed": seed,
        },
        "metrics": metrics.summary_with_intervals(y, oof, seed=seed),
        "calibration_table": metrics.calibration_table(y, oof),
        "invite_at_or_below": float(invite_at_or_below),
        "fairness": fairness.report(y, oof, sensitive_frame, invite_at_or_below=invite_at_or_below),
        "sensitive_statement": SENSITIVE_STATEMENT,
        "provenance": {
            "source": source or {},
            "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "versions": versions(),
        },
        "notes": notes or "",
    }


def _num(value, digits=3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def markdown(card: dict) -> str:
    d, m, prov = card["data"], card["model"], card["provenance"]
    lines = ["# Modelkaart Werkverkenner", ""]
    if card.get("notes"):
        lines += [f"> {card['notes']}", ""]
    lines += [
        "## Data",
        "",
        f"- Rijen: {d['rows']}",
        f"- Label: `{d['label']}`; aandeel 1 (werk gevonden): {_pct(d['label_rate'])}",
        f"- Kenmerken ({len(d['features'])}): " + ", ".join(f"`{f}`" for f in d["features"]),
        "- Weggelaten: " + (", ".join(f"`{f}`" for f in d["excluded"]) or "geen"),
        "- Gevoelig (alleen voor controle): "
        + (", ".join(f"`{f}`" for f in d["sensitive"]) or "geen"),
        "",
        card["sensitive_statement"],
        "",
        "## Model",
        "",
        f"Gekozen: **{MODEL_NAMES.get(m['chosen'], m['chosen'])}**, gekalibreerd met "
        f"**{m['calibration']}** (CalibratedClassifierCV). Vergelijking met gestratificeerde "
        f"{m['folds']}-voudige kruisvalidatie (seed {m['seed']}), vóór kalibratie:",
        "",
        "| model | log-loss | AUC | Brier | gekozen |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for row in m["comparison"]:
        lines.append(
            f"| {row['model']} | {_num(row['log_loss'], 4)} | {_num(row['auc'])} | "
            f"{_num(row['brier'], 4)} | {'ja' if row['chosen'] else ''} |"
        )
    lines += [
        "",
        "## Kwaliteit (out-of-fold, met 95%-bootstrapinterval)",
        "",
        "| maat | waarde | 95%-interval |",
        "| --- | ---: | --- |",
    ]
    names = {"auc": "AUC", "brier": "Brier-score", "ece": "ECE (10 bakken)"}
    for key, label in names.items():
        v = card["metrics"][key]
        lines.append(
            f"| {label} | {_num(v['value'], 4)} | {_num(v['low'], 4)} – {_num(v['high'], 4)} |"
        )
    lines += [
        "",
        "## Kalibratie per band",
        "",
        "| band | aantal | gemiddeld voorspeld | werkelijk |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in card["calibration_table"]:
        lines.append(
            f"| {row['band']}% | {row['count']} | {_pct(row['mean_predicted'])} | "
            f"{_pct(row['observed_rate'])} |"
        )
    # Cards written before the threshold was stored were all computed at 0.5.
    threshold = _pct(card.get("invite_at_or_below", 0.5)).replace(".0%", "%")
    lines += [
        "",
        "## Eerlijkheid per groep",
        "",
        f"Uitgenodigd = kans {threshold} of lager. Gemist = aandeel van wie géén werk vond "
        "(label 0) dat niet werd uitgenodigd. Groepen kleiner dan 10: te weinig om iets over "
        "te zeggen.",
    ]
    for attribute in card["fairness"]:
        lines += [
            "",
            f"### `{attribute['attribute']}`",
            "",
            "| groep | aantal | uitgenodigd | gemist | gemiddeld voorspeld | werkelijk |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for g in attribute["groups"]:
            if g["too_few"]:
                lines.append(f"| {g['group']} | {g['count']} | te weinig | | | |")
                continue
            lines.append(
                f"| {g['group']} | {g['count']} | {_pct(g['flagged_share'])} | "
                f"{_pct(g['false_negative_rate'])} | {_pct(g['mean_predicted'])} | "
                f"{_pct(g['observed_rate'])} |"
            )
    src = prov.get("source") or {}
    lines += [
        "",
        "## Herkomst",
        "",
        f"- Databestand: {src.get('file', 'onbekend (in het geheugen)')}",
        f"- SHA-256: {src.get('sha256', '–')}",
        f"- Getraind: {prov['trained_at']}",
        "- Versies: " + ", ".join(f"{k} {v}" for k, v in prov["versions"].items() if v is not None),
        "",
    ]
    return "\n".join(lines)
