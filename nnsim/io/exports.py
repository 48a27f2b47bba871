"""Writing files safely: a file is written whole under a temporary name, then put in place.

A failed write (a full disk, a folder that cannot be written) leaves any
file already at the path untouched and raises :class:`~nnsim.errors.ExportError`
with a message a person can act on.
"""

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from nnsim.errors import ExportError

#: Permissions of a file written for the first time (read for all, write for its owner).
NEW_FILE_MODE = 0o644


@contextlib.contextmanager
def replacing(path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; once the block succeeds, it becomes ``path``.

    If the block raises, the temporary file is removed and ``path`` is as it was.
    """
    path = Path(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"Cannot write in {path.parent}: {exc.strerror or exc}.") from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp's file is private (0600): give it the old file's mode, or the usual one.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(temporary, path)
    except OSError as exc:
        raise ExportError(f"Could not write {path.name}: {exc.strerror or exc}.") from exc
    finally:
        temporary.unlink(missing_ok=True)


def write_csv(path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write a CSV file with a header row; floats are written so they read back exactly."""
    with replacing(path) as temporary, open(temporary, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([_cell(value) for value in row] for row in rows)


def _cell(value):
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    return value
