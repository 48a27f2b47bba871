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

#: Built-in sets: file stem -> the title File menus show.
BUILT_IN = {"letters": "Letters A-Z (10 x 10)", "digits": "Digits 0-9 (10 x 10)",
            "shapes": "Shapes (32 x 32)"}  # fmt: skip
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
    raw = read_limited(
        path, MAX_SET_BYTES, "{name} is {size}; a pattern set holds at most {limit}."
    )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{shown} is not UTF-8 text, so not a pattern set.") from None
    lines = [(number, line.rstrip()) for number, line in enumerate(text.splitlines(), start=1)]
    title = next((line[2:].strip() for _, line in lines if line.startswith(COMMENT)), path.stem)
    content = [(n, line) for n, line in lines if line and not line.startswith(COMMENT)]
    if not content or not content[0][1].startswith("size"):
        raise DataError(f"{shown} is not a pattern set: it has no 'size ROWS x COLUMNS' line.")
    rows, columns = _size(shown, *content[0])
    patterns, name, grid = [], None, []
    for number, line in [*content[1:], (None, "= ")]:
        if line.startswith("="):
            if name is not None:
                patterns.append((name, _cells(shown, name, grid, rows, columns)))
            name, grid = line[1:].strip(), []
        elif name is None:
            raise DataError(f"{shown}, line {number}: a pattern starts with '= name'.")
        else:
            grid.append((number, line))
    if not patterns:
        raise DataError(f"{shown} holds no patterns.")
    return PatternSet(title, rows, columns, patterns)


def built_in_set(stem: str) -> PatternSet:
    """A built-in set by its file stem ("letters", "digits", "shapes")."""
    return read_pattern_set(resource_path("patterns", f"{stem}.txt"))


def _size(file_name: str, number: int, line: str) -> tuple[int, int]:
    parts = line.removeprefix("size").replace("x", " ").split()
    if len(parts) != 2 or not all(_is_side(part) for part in parts):
        raise DataError(f"{file_name}, line {number}: write the size as 'size ROWS x COLUMNS'.")
    return int(parts[0]), int(parts[1])


def _is_side(text: str) -> bool:
    """A grid side written in ASCII digits, 1 to 9,999 (``int`` would take "²" or 5,000 digits)."""
    return text.isascii() and text.isdigit() and len(text) <= 4 and int(text) > 0


def _cells(file_name: str, name: str, grid, rows: int, columns: int) -> np.ndarray:
    if len(grid) != rows:
        raise DataError(f"{file_name}: pattern {name!r} has {len(grid)} rows, not {rows}.")
    for number, line in grid:
        if len(line) != columns or set(line) - {BLACK, WHITE}:
            raise DataError(
                f"{file_name}, line {number}: a row of {name!r} needs {columns} cells of "
                f"'{BLACK}' and '{WHITE}'."
            )
    return np.array([[1.0 if c == BLACK else -1.0 for c in line] for _, line in grid]).ravel()
