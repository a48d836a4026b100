"""Reading CSV files for the command line: checked header, whole file, or in chunks."""

import csv
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .errors import ModelError

ENCODING = "utf-8-sig"
CHUNK_ROWS = 200_000


def header(path) -> list[str]:
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"Bestand {path} bestaat niet.")
    try:
        with open(path, encoding=ENCODING, newline="") as handle:
            first = next(csv.reader(handle), None)
    except UnicodeDecodeError as exc:
        raise ModelError(f"{path.name} is geen UTF-8-tekst; is het wel een CSV-bestand?") from exc
    except csv.Error as exc:
        raise ModelError(f"{path.name} is geen geldig CSV-bestand ({exc}).") from exc
    if not first or all(not name.strip() for name in first):
        raise ModelError(f"{path.name} is leeg: geen kopregel met kolomnamen.")
    names = [name.lstrip() for name in first]  # as pandas reads them (skipinitialspace)
    if any(not name.strip() for name in names):
        raise ModelError(f"{path.name}: de kopregel heeft een kolom zonder naam.")
    seen = set()
    for name in names:
        if name in seen:
            raise ModelError(f"{path.name}: kolom {name!r} staat twee keer in de kopregel.")
        seen.add(name)
    return names


def _invalid(path: Path, exc: Exception) -> ModelError:
    return ModelError(f"{path.name} is geen geldig CSV-bestand: {exc}".strip())


def _read(path: Path, **kwargs):
    """pandas.read_csv that refuses ragged rows instead of guessing an index column.

    Every column is parsed (no ``usecols``): with ``usecols`` pandas silently drops the extra
    fields of a malformed row.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(
                path,
                encoding=ENCODING,
                skipinitialspace=True,
                on_bad_lines="error",
                index_col=False,
                **kwargs,
            )
    except pd.errors.EmptyDataError as exc:
        raise ModelError(f"{path.name} is leeg.") from exc
    except (pd.errors.ParserError, pd.errors.ParserWarning, UnicodeDecodeError, ValueError) as exc:
        raise _invalid(path, exc) from exc


def _check_columns(path: Path, names: list[str], needed: list[str], what: str) -> None:
    missing = [c for c in needed if c not in names]
    if missing:
        raise ModelError(f"{path.name} mist {what}: " + ", ".join(repr(c) for c in missing) + ".")


def read_all(path, *, id_column: str) -> pd.DataFrame:
    path = Path(path)
    names = header(path)
    _check_columns(path, names, [id_column], "de id-kolom")
    frame = _read(path, dtype={id_column: str})
    if frame.empty:
        raise ModelError(f"{path.name} bevat alleen een kopregel en geen rijen.")
    return frame


def chunks(path, *, id_column: str, features: list[str]) -> Iterator[pd.DataFrame]:
    path = Path(path)
    names = header(path)
    _check_columns(path, names, [id_column], "de id-kolom")
    _check_columns(path, names, features, "kenmerk(en) die het model nodig heeft")
    reader = _read(path, dtype={id_column: str}, chunksize=CHUNK_ROWS)
    empty = True
    with reader, warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.ParserWarning)
        while True:
            try:
                chunk = next(reader)
            except StopIteration:
                break
            except (
                pd.errors.ParserError,
                pd.errors.ParserWarning,
                UnicodeDecodeError,
                ValueError,
            ) as exc:
                raise _invalid(path, exc) from exc
            if len(chunk):
                empty = False
                yield chunk[[id_column, *features]]
    if empty:
        raise ModelError(f"{path.name} bevat alleen een kopregel en geen rijen.")
