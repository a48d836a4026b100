"""Values the Werkverkenner derives without reading the database."""


def metrics_from_card(card: dict) -> dict:
    """AUC, Brier score and ECE (with their 95% intervals) from the profiler's model card."""
    found: dict = {}
    for name, value in (card.get("metrics") or {}).items():
        if isinstance(value, dict) and isinstance(value.get("value"), int | float):
            found[name] = float(value["value"])
            for bound in ("low", "high"):
                if isinstance(value.get(bound), int | float):
                    found[f"{name}_{bound}"] = float(value[bound])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found[name] = float(value)
    return found
