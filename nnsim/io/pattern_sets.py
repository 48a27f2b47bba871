"""Pattern sets for the Hopfield workspace: plain text files of named bitmaps.

A set file starts with a title line and the grid size, then one block per
pattern: a line ``= name`` and ``rows`` lines of ``columns`` characters,
``#`` for black (+1) and ``.`` for white (-1)::

    # The letters A-Z
    size 10 x 10
    = A
    ....##....
    ...

Blank lines and further comment lines (``#`` and a space) are ignored.  The built-in sets
live in ``resources/patterns/`` (:data:`BUILT_IN`).
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnsim.errors import DataError
from nnsim.io.exports import replacing
from nnsim.io.safe_read import display_name, read_limited
from nnsim.resource_files import resource_path
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Built-in sets: file stem -> the title File menus show (as ``translate("PatternSets", title)``).
BUILT_IN = {"letters": QT_TRANSLATE_NOOP("PatternSets", "Letters A-Z (10 x 10)"),
            "digits": QT_TRANSLATE_NOOP("PatternSets", "Digits 0-9 (10 x 10)"),
            "shapes": QT_TRANSLATE_NOOP("PatternSets", "Shapes (32 x 32)")}  # fmt: skip
BLACK, WHITE = "#", "."
#: A comment line starts so (a row of cells has no space).
COMMENT = "# "
#: The largest set file read: a thousand 64 x 64 patterns.
MAX_SET_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class PatternSet:
    """A title, the grid size, and (name, cells) pairs: cells are bools or ±1, any shape."""

    title: str
    rows: int
    columns: int
    patterns: list


def write_pattern_set(path, pattern_set: PatternSet) -> None:
    """Write ``pattern_set`` as text (atomically)."""
    lines = [f"# {pattern_set.title}", f"size {pattern_set.rows} x {pattern_set.columns}"]
    for name, cells in pattern_set.patterns:
        grid = np.asarray(cells).reshape(pattern_set.rows, pattern_set.columns) > 0
        lines.append(f"= {name}")
        lines += ["".join(BLACK if cell else WHITE for cell in row) for row in grid]
    with replacing(path) as temporary:  # a name that is not valid Unicode is written with "?"
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="replace")


def read_pattern_set(path) -> PatternSet:
    """Read a set file; patterns come back as ±1 arrays of rows * columns cells.

    Raises
    ------
    DataError
        Naming the line of the first thing that is not a pattern set.
    """
    path = Path(path)
    shown = display_name(path.name)  # in messages: one line
    too_large = translate("PatternSets", "{name} is {size}; a pattern set holds at most {limit}.")
    raw = read_limited(path, MAX_SET_BYTES, too_large)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = translate("PatternSets", "{name} is not UTF-8 text, so not a pattern set.")
        raise DataError(message.format(name=shown)) from None
    lines = [(number, line.rstrip()) for number, line in enumerate(text.splitlines(), start=1)]
    title = next((line[2:].strip() for _, line in lines if line.startswith(COMMENT)), path.stem)
    content = [(n, line) for n, line in lines if line and not line.startswith(COMMENT)]
    if not content or not content[0][1].startswith("size"):
        message = translate(
            "PatternSets", "{name} is not a pattern set: it has no 'size ROWS x COLUMNS' line."
        )
        raise DataError(message.format(name=shown))
    rows, columns = _size(shown, *content[0])
    patterns, name, grid = [], None, []
    for number, line in [*content[1:], (None, "= ")]:
        if line.startswith("="):
            if name is not None:
                patterns.append((name, _cells(shown, name, grid, rows, columns)))
            name, grid = line[1:].strip(), []
        elif name is None:
            message = translate(
                "PatternSets", "{name}, line {line}: a pattern starts with '= name'."
            )
            raise DataError(message.format(name=shown, line=number))
        else:
            grid.append((number, line))
    if not patterns:
        raise DataError(translate("PatternSets", "{name} holds no patterns.").format(name=shown))
    return PatternSet(title, rows, columns, patterns)


def built_in_set(stem: str) -> PatternSet:
    """A built-in set by its file stem ("letters", "digits", "shapes")."""
    return read_pattern_set(resource_path("patterns", f"{stem}.txt"))


def _size(file_name: str, number: int, line: str) -> tuple[int, int]:
    parts = line.removeprefix("size").replace("x", " ").split()
    if len(parts) != 2 or not all(_is_side(part) for part in parts):
        message = translate(
            "PatternSets", "{name}, line {line}: write the size as 'size ROWS x COLUMNS'."
        )
        raise DataError(message.format(name=file_name, line=number))
    return int(parts[0]), int(parts[1])


def _is_side(text: str) -> bool:
    """A grid side written in ASCII digits, 1 to 9,999 (``int`` would take "²" or 5,000 digits)."""
    return text.isascii() and text.isdigit() and len(text) <= 4 and int(text) > 0


def _cells(file_name: str, name: str, grid, rows: int, columns: int) -> np.ndarray:
    if len(grid) != rows:
        message = translate("PatternSets", "{file}: pattern {name} has {count} rows, not {rows}.")
        raise DataError(message.format(file=file_name, name=repr(name), count=len(grid), rows=rows))
    for number, line in grid:
        if len(line) != columns or set(line) - {BLACK, WHITE}:
            message = translate(
                "PatternSets",
                "{file}, line {line}: a row of {name} needs {columns} cells of '{black}' and "
                "'{white}'.",
            )
            raise DataError(
                message.format(
                    file=file_name, line=number, name=repr(name), columns=columns,
                    black=BLACK, white=WHITE,
                )
            )  # fmt: skip
    return np.array([[1.0 if c == BLACK else -1.0 for c in line] for _, line in grid]).ravel()
