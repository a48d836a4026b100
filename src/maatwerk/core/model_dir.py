"""A model directory on disk, written and checked the same way by every app that trains models
(the Werkverkenner profiler, the insight classifier): JSON and hashed files, never pickle.

A directory is written next to its destination and renamed into place (``writing``), so a reader
never sees a half-written model; its ``manifest.json`` holds the SHA-256 of every other file
(``sha256_file``), which the app's loader checks before it builds anything. Each app brings its own
error class, so its command line reports the problem in its own terms.
"""

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = "manifest.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_json(path: Path, value, *, indent: int = 2) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=True, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")


def read_json(path: Path, what: str, error: type[Exception]):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"Modelmap onleesbaar: {what} ({path.name}) is beschadigd.") from exc


def check_target(directory, error: type[Exception]) -> None:
    """A model may replace an earlier model or an empty directory, never anything else."""
    target = Path(directory)
    if target.exists():
        if not target.is_dir():
            raise error(f"{target} bestaat al en is geen map.")
        if any(target.iterdir()) and not (target / MANIFEST).exists():
            raise error(f"{target} bestaat al en is geen modelmap; kies een andere --out.")


@contextmanager
def writing(directory, error: type[Exception]) -> Iterator[Path]:
    """Yields an empty directory beside ``directory``; when the block ends without an error it
    replaces ``directory`` in one rename, otherwise it is removed and ``directory`` is untouched."""
    target = Path(directory).resolve()
    check_target(target, error)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)  # noqa: S103 - mkdtemp makes it 0700; a model dir is readable
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.replace(target, old / "model")
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
