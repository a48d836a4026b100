"""CSV in and out for ``maatwerk voice``: a checked header, the whole file in memory (texts are
small), and output written next to its destination and renamed into place, so a failed run
leaves no half-written file behind."""

import csv
import os
import tempfile
from pathlib import Path

from .errors import InsightError

ENCODING = "utf-8-sig"  # Excel's UTF-8 starts with a byte-order mark
THEME_SEPARATOR = ";"

csv.field_size_limit(10_000_000)


def read(path, columns: list[str]) -> list[dict[str, str]]:
    """Every row as a dict of the named columns; refuses what is not a usable CSV."""
    path = Path(path)
    if not path.is_file():
        raise InsightError(f"Bestand {path} bestaat niet.")
    try:
        with open(path, encoding=ENCODING, newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if not header or all(not name.strip() for name in header):
                raise InsightError(f"{path.name} is leeg: geen kopregel met kolomnamen.")
            names = [name.strip() for name in header]
            duplicates = sorted({n for n in names if names.count(n) > 1})
            if duplicates:
                raise InsightError(
                    f"{path.name}: kolom {duplicates[0]!r} staat twee keer in de kopregel."
                )
            missing = [c for c in columns if c not in names]
            if missing:
                raise InsightError(
                    f"{path.name} mist de kolom(men) "
                    + ", ".join(repr(c) for c in missing)
                    + "; aanwezig zijn: "
                    + ", ".join(repr(n) for n in names)
                    + "."
                )
            positions = [names.index(c) for c in columns]
            rows = []
            for record in reader:
                if not record or (len(record) == 1 and not record[0].strip()):
                    continue  # a blank line
                if len(record) != len(names):
                    raise InsightError(
                        f"{path.name}, regel {reader.line_num}: {len(record)} velden, "
                        f"de kopregel heeft er {len(names)}."
                    )
                rows.append({c: record[p] for c, p in zip(columns, positions, strict=True)})
    except UnicodeDecodeError as exc:
        raise InsightError(f"{path.name} is geen UTF-8-tekst; is het wel een CSV-bestand?") from exc
    except csv.Error as exc:
        raise InsightError(f"{path.name} is geen geldig CSV-bestand ({exc}).") from exc
    except (IsADirectoryError, PermissionError) as exc:
        raise InsightError(f"{path} kan niet worden gelezen ({exc.strerror}).") from exc
    if not rows:
        raise InsightError(f"{path.name} bevat alleen een kopregel en geen rijen.")
    return rows


def split_themes(cell: str) -> list[str]:
    return [code.strip() for code in (cell or "").split(THEME_SEPARATOR) if code.strip()]


def write_atomically(path, header: list[str], rows) -> int:
    target = Path(path).resolve()
    if target.is_dir():
        raise InsightError(f"{target} is een map; geef een bestandsnaam voor --out.")
    if not target.parent.is_dir():
        raise InsightError(f"De map {target.parent} bestaat niet.")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, removed on failure
        "w",
        encoding="utf-8",
        newline="",
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".tmp",
        delete=False,
    )
    count = 0
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count
