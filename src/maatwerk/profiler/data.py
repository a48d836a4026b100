"""Checks on training and scoring data; every problem becomes a ModelError naming what is wrong.

Row numbers in messages are CSV line numbers: the header is line 1, the first data row line 2.
"""

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .errors import ModelError

FIRST_DATA_LINE = 2


def shown(raw) -> str:
    if pd.isna(raw):
        return "leeg"
    return repr(raw) if isinstance(raw, str) else str(raw)


def as_frame(rows) -> pd.DataFrame:
    if isinstance(rows, pd.DataFrame):
        return rows
    if isinstance(rows, dict):
        return pd.DataFrame([rows])
    try:
        return pd.DataFrame(list(rows))
    except (TypeError, ValueError) as exc:
        raise ModelError(
            f"Ongeldige invoer: verwacht een tabel of een lijst van rijen ({exc})."
        ) from exc


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str = "kolom") -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise ModelError(f"Ontbrekende {what}: {names}.")


def numeric_matrix(
    frame: pd.DataFrame, columns: Sequence[str], *, row_offset: int = 0
) -> np.ndarray:
    """The columns as a float matrix; refuses text and empty (NaN) cells with their line number."""
    require_columns(frame, columns, "kenmerk" if len(columns) == 1 else "kenmerken")
    out = np.empty((len(frame), len(columns)), dtype=float)
    for j, column in enumerate(columns):
        values = frame[column]
        if values.dtype == bool:
            values = values.astype(float)
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna().to_numpy() | ~np.isfinite(converted.to_numpy(dtype=float))
        if bad.any():
            pos = int(np.argmax(bad))
            line = row_offset + pos + FIRST_DATA_LINE
            raise ModelError(
                f"Kolom {column!r}, regel {line}: waarde {shown(values.iloc[pos])} is geen getal. "
                "Lege waarden (NaN) worden niet geaccepteerd; vul ze aan of laat de rij weg."
            )
        out[:, j] = converted.to_numpy(dtype=float)
    return out


def check_unique_ids(ids: pd.Series, *, row_offset: int = 0, seen: set | None = None) -> None:
    if ids.isna().any():
        pos = int(np.argmax(ids.isna().to_numpy()))
        raise ModelError(f"Regel {row_offset + pos + FIRST_DATA_LINE}: de id is leeg.")
    dup = ids.duplicated()
    if dup.any():
        pos = int(np.argmax(dup.to_numpy()))
        raise ModelError(
            f"Regel {row_offset + pos + FIRST_DATA_LINE}: id {ids.iloc[pos]!r} komt vaker voor; "
            "ids moeten uniek zijn."
        )
    if seen is not None:
        for pos, value in enumerate(ids.tolist()):
            if value in seen:
                raise ModelError(
                    f"Regel {row_offset + pos + FIRST_DATA_LINE}: id {value!r} komt vaker voor; "
                    "ids moeten uniek zijn."
                )
        seen.update(ids.tolist())


def label_vector(frame: pd.DataFrame, column: str) -> np.ndarray:
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = ~values.isin([0, 1]).to_numpy()
    if bad.any():
        pos = int(np.argmax(bad))
        value = shown(frame[column].iloc[pos])
        raise ModelError(
            f"Label {column!r}, regel {pos + FIRST_DATA_LINE}: waarde {value}; "
            "het label moet 0 of 1 zijn."
        )
    y = values.to_numpy(dtype=int)
    if y.min() == y.max():
        raise ModelError(
            f"Label {column!r} heeft maar één waarde ({y[0]}); er valt niets te leren."
        )
    return y


def training_columns(
    frame: pd.DataFrame,
    *,
    id_column: str,
    label_column: str,
    exclude: Sequence[str],
    sensitive: Sequence[str],
) -> list[str]:
    if frame.shape[0] == 0:
        raise ModelError("De data bevat geen rijen.")
    require_columns(frame, [id_column], "id-kolom")
    require_columns(frame, [label_column], "labelkolom")
    require_columns(frame, exclude, "kolom bij --exclude")
    require_columns(frame, sensitive, "gevoelige kolom")
    for name in sensitive:
        if name in (id_column, label_column):
            raise ModelError(f"Kolom {name!r} kan niet tegelijk gevoelig en id of label zijn.")
    skip = {id_column, label_column, *exclude, *sensitive}
    features = [str(c) for c in frame.columns if c not in skip]
    if not features:
        raise ModelError("Er blijven geen kenmerken over om op te trainen.")
    return features


def refuse_constant(matrix: np.ndarray, features: Sequence[str]) -> None:
    constant = [f for j, f in enumerate(features) if np.ptp(matrix[:, j]) == 0]
    if constant:
        names = ", ".join(repr(c) for c in constant)
        raise ModelError(
            f"Kolom(men) met overal dezelfde waarde: {names}. Zo'n kolom zegt niets; "
            "laat haar weg met --exclude."
        )
