"""Reading a person's file: only a regular file, never more than a limit, always valid text.

``stat().st_size`` cannot bound a read: a FIFO, a device (``/dev/zero``) or a
``/proc`` file reports 0 bytes, and a FIFO with no writer makes ``open`` wait
for ever.  :func:`read_limited` therefore opens without blocking
(``O_NONBLOCK``), checks what it opened (``fstat`` of the descriptor, after
symlinks are followed: a link to a regular file is read, a link to
``/dev/zero`` is not), and reads at most ``limit + 1`` bytes, refusing the
file if there are more, whatever its size claimed.

:func:`valid_unicode` is nnsim's rule for text that is not valid Unicode: a
lone surrogate (``"\\ud800"`` written in a project's JSON, or a file name whose
bytes are not UTF-8) becomes U+FFFD, the replacement character, as it is
read, so no name nnsim holds can make printing or saving fail.
"""

import os
import re
import stat

from nnsim.errors import DataError
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Bytes asked for beyond a file's claimed size, and per read after that.
CHUNK = 1 << 20
#: The largest picture loaded as a Hopfield pattern (a photo of many megapixels fits).
MAX_IMAGE_BYTES = 50 * 1024 * 1024
#: What a file that is not a regular one is, in words (translated by :func:`kind_of`).
KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("SafeRead", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("SafeRead", "a pipe (FIFO)")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("SafeRead", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("SafeRead", "a device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("SafeRead", "a socket")),
)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: What a name in a one-line message shows escaped: line breaks, ESC and other controls,
#: and lone surrogates (a file name whose bytes are not UTF-8).
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def read_limited(path, limit: int, too_large: str, error=DataError) -> bytes:
    """The bytes of the regular file at ``path``, if there are at most ``limit`` of them.

    Parameters
    ----------
    path : str or Path
    limit : int
        The most bytes read.
    too_large : str
        The refusal of a larger file, translated, with ``{name}``, ``{size}`` and ``{limit}``
        fields, e.g. "{name} is {size}; nnsim opens projects of up to {limit}."
    error : type of NnsimError
        Raised, with a one-line message, when the file cannot be read, is not
        a regular file, or is too large.
    """
    name = display_name(os.path.basename(os.fspath(path)) or os.fspath(path))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (Windows: no newline translation)
    for extra in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC"):  # POSIX only
        flags |= getattr(os, extra, 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise error(_unreadable(name, exc)) from None
    except ValueError:  # a NUL in the path
        message = translate("SafeRead", "Could not read {name}: no file has such a name.")
        raise error(message.format(name=repr(name))) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            message = translate(
                "SafeRead", "{name} is {kind}, not a regular file: nnsim reads only files."
            )
            raise error(message.format(name=name, kind=kind_of(status.st_mode)))
        if status.st_size > limit:
            raise error(too_large.format(name=name, size=size_text(status.st_size),
                                         limit=size_text(limit)))  # fmt: skip
        chunks, total = [], 0
        want = status.st_size + 1  # the whole file and its end, in one read as a rule
        while total <= limit:
            chunk = os.read(descriptor, min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = CHUNK
    except OSError as exc:
        raise error(_unreadable(name, exc)) from None
    finally:
        os.close(descriptor)
    if total > limit:  # it grew, or claimed less than it holds
        over = translate("SafeRead", "over {size}").format(size=size_text(limit))
        raise error(too_large.format(name=name, size=over, limit=size_text(limit)))
    return b"".join(chunks)


def _unreadable(name: str, exc: OSError) -> str:
    """Why the file ``name`` could not be read, in one line (the system's words for ``exc``)."""
    message = translate("SafeRead", "Could not read {name}: {reason}.")
    return message.format(name=name, reason=exc.strerror or exc)


def read_image_bytes(path) -> bytes:
    """A picture's bytes, for ``QImage.fromData``: ``QImage(path)`` waits for ever on a FIFO.

    Raises DataError (not a regular file, over :data:`MAX_IMAGE_BYTES`, unreadable).
    """
    too_large = translate("SafeRead", "{name} is {size}; nnsim loads pictures of up to {limit}.")
    return read_limited(path, MAX_IMAGE_BYTES, too_large)


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words ("a folder", "a device", ...)."""
    kind = next(
        (kind for test, kind in KINDS if test(mode)), QT_TRANSLATE_NOOP("SafeRead", "not a file")
    )
    return translate("SafeRead", kind)


def size_text(size: int) -> str:
    """A number of bytes as a person reads it: "900 bytes", "12 KB", "200 MB"."""
    if size < 1024:
        return translate("SafeRead", "{size} bytes").format(size=f"{size:,}")
    if size < 1024**2:
        return translate("SafeRead", "{size} KB").format(size=f"{size / 1024:,.0f}")
    return translate("SafeRead", "{size} MB").format(size=f"{size / 1024**2:,.0f}")


def display_name(name) -> str:
    """``name`` (a file's, a column's) on one line: ``a\\nb``, ``caf\\udce9``."""
    return UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], str(name))


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a valid pair is one character)."""
    return LONE_SURROGATE.sub("\ufffd", text)
