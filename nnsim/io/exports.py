"""Writing files safely: a file is written whole under a temporary name, then put in place.

A failed write (a full disk, a folder that cannot be written) leaves any
file already at the path untouched and raises :class:`~nnsim.errors.ExportError`
with a message a person can act on.

Saving over a symlink writes through to the file it points to (the link
stays a link, the temporary file sits beside the target so the rename
stays on one file system); a path that is not a regular file (a folder, a
FIFO, a device such as /dev/full, which a rename would replace) is refused.

The temporary file is ``.NAME.PID-XXXXXXXX.part``.  A save killed before its
rename (``kill -9``, a power cut) leaves it behind, so each save of NAME
removes those of NAME that are stale: a minute old and written by a process
that is no longer running (the PID in its name), or a day old whatever wrote
it (a PID now reused, or a part from an nnsim that did not name its PID).  A
part younger than a minute is kept even if its PID is unknown here: a save of
the same file from another machine may still be writing it.
"""

import contextlib
import csv
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from nnsim.errors import ExportError
from nnsim.io.safe_read import display_name, kind_of
from nnsim.text import translate

#: Permissions of a file written for the first time (read for all, write for its owner).
NEW_FILE_MODE = 0o644
#: Seconds after which a part whose writer is gone is removed, and after which any is.
STALE_AFTER = 60
ABANDONED_AFTER = 24 * 3600
#: What follows ".NAME." in a part's name: the writer's PID (older nnsim: none) and
#: mkstemp's eight random characters.
PART_MIDDLE = re.compile(r"(?:(\d{1,10})-)?[a-z0-9_]{8}")
PART_SUFFIX = ".part"


@contextlib.contextmanager
def replacing(path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``'s file; once the block succeeds, it becomes it.

    ``path`` may be a symlink (the file it points to is replaced) or a file
    not made yet; anything else that is not a regular file is refused.  If the
    block raises, the temporary file is removed and ``path`` is as it was.
    """
    path = _target(Path(path))
    shown = display_name(path.name)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}-", suffix=PART_SUFFIX, dir=path.parent
        )
    except OSError as exc:
        message = translate("Exports", "Cannot write in {folder}: {reason}.")
        folder = display_name(path.parent)
        raise ExportError(message.format(folder=folder, reason=exc.strerror or exc)) from exc
    os.close(handle)
    temporary = Path(name)
    remove_stale_parts(path)
    try:
        yield temporary
        # mkstemp's file is private (0600): give it the old file's mode, or the usual one.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(temporary, path)
    except OSError as exc:
        message = translate("Exports", "Could not write {name}: {reason}.")
        raise ExportError(message.format(name=shown, reason=exc.strerror or exc)) from exc
    finally:
        temporary.unlink(missing_ok=True)


def _target(path: Path) -> Path:
    """The file a save of ``path`` replaces: symlinks followed; refused unless a regular file."""
    try:
        if "\0" in str(path):
            raise ValueError("a NUL in the name")
        os.fsencode(path)  # a lone surrogate cannot be a file name
    except ValueError:  # UnicodeEncodeError too
        message = translate("Exports", "{name} cannot be a file name.")
        raise ExportError(message.format(name=repr(str(path.name)[:60]))) from None
    target, shown = Path(os.path.realpath(path)), display_name(path.name)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target  # a new file (or the one a dangling link names)
    except OSError as exc:  # a symlink loop, a folder that cannot be entered
        message = translate("Exports", "Cannot write {name}: {reason}.")
        raise ExportError(message.format(name=shown, reason=exc.strerror or exc)) from None
    if not stat.S_ISREG(mode):
        message = translate(
            "Exports",
            "{name} is {kind}, not a regular file: nnsim saves only into files. "
            "Choose another name.",
        )
        raise ExportError(message.format(name=shown, kind=kind_of(mode)))
    return target


def remove_stale_parts(path: Path) -> list[str]:
    """Remove the stale temporary files of saves of ``path`` (see above); return their names."""
    prefix, now, removed = f".{path.name}.", time.time(), []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(PART_SUFFIX)):
            continue
        match = PART_MIDDLE.fullmatch(name[len(prefix) : -len(PART_SUFFIX)])
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if match is None or not stat.S_ISREG(status.st_mode):
            continue
        age, pid = now - status.st_mtime, match.group(1)
        if age > ABANDONED_AFTER or (age > STALE_AFTER and pid and not _running(int(pid))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(name)
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (True when that cannot be told)."""
    if os.name != "posix" or pid == os.getpid():
        return True  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # none has it; no system has such a PID
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True


#: How a spreadsheet cell that is a formula begins.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write a CSV file with a header row; floats are written so they read back exactly.

    Text (names from a file: features, classes) that a spreadsheet would take
    for a formula (``=HYPERLINK(...)``, ``@SUM(...)``) is written with a
    leading ``'``, so it stays text; numbers written as text are left alone.
    """
    with (
        replacing(path) as temporary,  # text that is not valid Unicode is written with "?"
        open(temporary, "w", newline="", encoding="utf-8", errors="replace") as f,
    ):
        writer = csv.writer(f)
        writer.writerow([_cell(name) for name in header])
        writer.writerows([_cell(value) for value in row] for row in rows)


def _cell(value):
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
