"""A person's own data from a CSV file: read, laid out, checked and made into a Dataset.

Importing is two steps, so a dialog can show the file before anything is
decided.  :func:`read_table` reads the text and splits it into cells,
guessing the delimiter, the decimal separator and whether the first line is
a header unless told;
:func:`make_csv_dataset` then turns the columns into inputs and targets by
the role a person gave each ("input", "target" or "ignore", as
:func:`guess_roles` proposes).  Every problem is a :class:`DataError` that
names the row (the file's line number, header included) and the column, and
nothing is half made: either a whole :class:`~nnsim.engine.datasets.Dataset`
comes back or an error does.

Numbers are written as people write them in a table: digits, one decimal
separator (a point, or a comma in files that separate fields with ``;``, as
spreadsheets in much of Europe do) and an optional exponent.  Python's
``float()`` accepts more (``1_000`` is a thousand to it); such cells are not
numbers here.  Line endings may be ``\n``, ``\r\n`` or the old Mac ``\r``.

Targets: one target column of text (class names) or of a few whole numbers
gives a classification set, its labels numbered in order of first
appearance (text) or of size (numbers), trained as 0/1 for two classes and
one-hot above; any other numeric targets are regression values.
"""

import codecs
import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnsim.engine.datasets import Dataset, make_dataset
from nnsim.errors import DataError
from nnsim.io.safe_read import display_name, read_limited
from nnsim.model.limits import check_data_size
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: Larger files are refused before being read: a table this size is not a teaching data set.
MAX_CSV_BYTES = 50 * 1024 * 1024
#: Cells and rows read at most (a cell costs ~60 bytes as Python text, a row ~100): the
#: 10,000 test images of MNIST fit (7.85 million cells).
MAX_CSV_CELLS = 10_000_000
MAX_CSV_ROWS = 2_000_000
#: Characters of a file the delimiter is guessed from (splitting all of a large file costs).
GUESS_CHARS = 8 * 1024 * 1024
#: Delimiters looked for, most usual first; their names for people (shown translated,
#: ``translate("CsvData", name)``).
DELIMITERS = {
    ",": QT_TRANSLATE_NOOP("CsvData", "comma"),
    ";": QT_TRANSLATE_NOOP("CsvData", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("CsvData", "tab"),
    "|": QT_TRANSLATE_NOOP("CsvData", "bar"),
    " ": QT_TRANSLATE_NOOP("CsvData", "space"),
}
ROLES = ("input", "target", "ignore")
#: Decimal separators, and their names for people (shown translated, as DELIMITERS').
DECIMALS = {".": QT_TRANSLATE_NOOP("CsvData", "point"), ",": QT_TRANSLATE_NOOP("CsvData", "comma")}
#: A number as a table writes it, by decimal separator: ASCII digits; no "_", words or spaces.
NUMBER_PATTERNS = {
    ".": re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII),
    ",": re.compile(r"[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?", re.ASCII),
}
#: What is not finite, spelt as spreadsheets and NumPy write it: read, then refused as such.
NOT_FINITE = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
#: A numeric target with at most this many distinct whole numbers is a class label.
MAX_NUMERIC_CLASSES = 10


@dataclass(frozen=True)
class CsvTable:
    """A CSV file split into cells, before any column has a role.

    Attributes
    ----------
    name : str
        The file's name without its suffix (the data set's name).
    delimiter : str
    has_header : bool
        Whether the file's first line names the columns.
    columns : tuple of str
        Column names: the header's, or "column 1", "column 2", ...
    rows : tuple of tuple of str
        The data rows' cells, stripped of surrounding spaces; all as long as ``columns``.
    lines : tuple of int
        The file line (from 1) each data row ends on, blank lines counted.
    decimal : str
        The decimal separator of the file's numbers: "." or ",".
    """

    name: str
    delimiter: str
    has_header: bool
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    decimal: str = "."

    def line_of(self, row: int) -> int:
        """The file line (from 1) that data row ``row`` (from 0) was read from."""
        return self.lines[row]

    def where(self, row: int, column: int) -> str:
        """ "Row 7, column 3 (width)": a cell as a person finds it in the file (translated)."""
        where = translate("CsvData", "Row {line}, column {column} ({name})")
        return where.format(line=self.line_of(row), column=column + 1, name=self.columns[column])


def read_text(path) -> str:
    """Read a CSV file's text, refusing a file too large, unreadable or not text."""
    path = Path(path)
    too_large = translate(
        "CsvData",
        "{name} is {size}; nnsim imports CSV files of up to {limit}. Use a sample of the rows.",
    )
    raw = read_limited(path, MAX_CSV_BYTES, too_large)  # a regular file, read no further
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            message = translate("CsvData", "{name} is not readable UTF-16 text.")
            raise DataError(message.format(name=display_name(path.name))) from None
    if b"\0" in raw:
        message = translate("CsvData", "{name} is not a text file, so not a CSV table.")
        raise DataError(message.format(name=display_name(path.name)))
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # every byte is a character: old spreadsheet exports


def read_table(
    text: str, name: str = "data", delimiter=None, has_header=None, decimal=None
) -> CsvTable:
    """Split CSV ``text`` into a :class:`CsvTable`; ``None`` options are guessed.

    Blank lines are skipped.  Raises DataError for a table with rows of
    different lengths (naming the first odd row), fewer than two data rows,
    a delimiter that is not one character, or a decimal separator that is
    neither "." nor "," (or is the delimiter too).  ``name`` and the column names
    are kept with line breaks and other control characters escaped (``a\\nb``), so
    every message naming them is one line.
    """
    name = display_name(name)
    if delimiter is None:
        head = text[:GUESS_CHARS].splitlines()[: -1 if len(text) > GUESS_CHARS else None]
        delimiter = guess_delimiter([line for line in head if line.strip()][:50])
    if len(delimiter) != 1 or delimiter in '"\r\n':
        message = translate("CsvData", "{delimiter} cannot separate columns: choose one character.")
        raise DataError(message.format(delimiter=repr(delimiter)))
    cells, lines = _split(text, name, delimiter)
    if decimal is None:
        decimal = guess_decimal(cells, delimiter)
    if decimal not in DECIMALS or decimal == delimiter:
        message = translate(
            "CsvData",
            "{decimal} cannot be the decimal separator with {delimiter} between the columns: "
            "use a point, or a comma when another character separates.",
        )
        delimiter_name = (
            translate("CsvData", DELIMITERS[delimiter]) if delimiter in DELIMITERS else ""
        )
        raise DataError(message.format(decimal=repr(decimal), delimiter=delimiter_name))
    if has_header is None:
        has_header = guess_header(cells, decimal)
    header, rows = (cells[0], cells[1:]) if has_header else (None, cells)
    lines = lines[1:] if has_header else lines
    width = len(header) if header else len(rows[0]) if rows else 0
    _check_shape(name, rows, lines, width, has_header)
    columns = tuple(  # (a name made for the person, in the window's language, as a new network's)
        display_name(c) or translate("CsvData", "column {number}").format(number=k + 1)
        for k, c in enumerate(header or [""] * width)
    )
    return CsvTable(name, delimiter, has_header, columns, tuple(rows), tuple(lines), decimal)


def _split(text: str, name: str, delimiter: str) -> tuple[list, list]:
    """The rows that hold anything, as cells, and the file line each ends on.

    Lines may end in "\n", "\r\n" or "\r" (old Macs): newline=None reads all three.
    """
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    cells, lines, count = [], [], 0
    try:
        for row in reader:
            row = tuple(cell.strip() for cell in row)
            if any(row):
                cells.append(row)
                lines.append(reader.line_num)
                count += len(row)
                if count > MAX_CSV_CELLS or len(cells) > MAX_CSV_ROWS:
                    raise DataError(_too_many(name, count > MAX_CSV_CELLS, reader.line_num))
    except csv.Error as exc:
        message = translate("CsvData", "{name}, line {line}, is not readable CSV: {reason}.")
        raise DataError(message.format(name=name, line=reader.line_num, reason=exc)) from None
    if not cells:
        raise DataError(translate("CsvData", "{name} holds no rows.").format(name=name))
    return cells, lines


def _too_many(name: str, cells: bool, line: int) -> str:
    """The refusal of a table past :data:`MAX_CSV_CELLS` (``cells``) or :data:`MAX_CSV_ROWS`."""
    if cells:
        message = translate(
            "CsvData",
            "{name} holds more than {count} cells (line {line}); nnsim imports no more. "
            "Use a sample of the rows.",
        )
    else:
        message = translate(
            "CsvData",
            "{name} holds more than {count} rows (line {line}); nnsim imports no more. "
            "Use a sample of the rows.",
        )
    return message.format(
        name=name, count=f"{MAX_CSV_CELLS if cells else MAX_CSV_ROWS:,}", line=line
    )


def _check_shape(name: str, rows, lines, width: int, has_header: bool) -> None:
    if len(rows) == 1:
        message = translate("CsvData", "{name} has 1 data row; training needs at least 2.")
        raise DataError(message.format(name=name))
    if not rows:
        message = translate("CsvData", "{name} has 0 data rows; training needs at least 2.")
        raise DataError(message.format(name=name))
    for row, line in zip(rows, lines, strict=True):
        if len(row) != width:
            if has_header:
                message = translate(
                    "CsvData",
                    "Row {line} has {count} cells, but the header has {width}: every row needs "
                    "one cell per column.",
                )
            else:
                message = translate(
                    "CsvData",
                    "Row {line} has {count} cells, but the first row has {width}: every row "
                    "needs one cell per column.",
                )
            raise DataError(message.format(line=line, count=len(row), width=width))


def guess_delimiter(lines: list[str]) -> str:
    """The delimiter that splits every line into the same number (above one) of cells.

    The most cells wins, except that ";" wins over "," when its cells hold
    decimal commas (``1,52``): commas are then parts of numbers.
    """
    best, best_width = ",", 1
    for candidate in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=candidate))
        except csv.Error:
            continue
        widths = {len(row) for row in rows}
        if len(widths) != 1 or (width := widths.pop()) < 2:
            continue
        if candidate == ";" and guess_decimal(rows, ";") == ",":
            return ";"
        if width > best_width:
            best, best_width = candidate, width
    return best


def guess_decimal(rows, delimiter: str) -> str:
    """ "," when cells hold numbers with a decimal comma and none with a point, else ".".

    A comma that separates columns cannot also be a decimal separator.
    """
    if delimiter == ",":
        return "."
    cells = [cell for row in rows[:200] for cell in row]
    comma = any("," in c and NUMBER_PATTERNS[","].fullmatch(c) for c in cells)
    point = any("." in c and NUMBER_PATTERNS["."].fullmatch(c) for c in cells)
    return "," if comma and not point else "."


def guess_header(rows: list[tuple[str, ...]], decimal: str = ".") -> bool:
    """True when the first row has text over a column that holds numbers below it."""
    if len(rows) < 2:
        return False
    first, second = rows[0], rows[1]
    return any(
        not _is_number(top, decimal) and _is_number(below, decimal)
        for top, below in zip(first, second, strict=False)
    )


def guess_roles(table: CsvTable) -> list[str]:
    """The last column is the target; other numeric columns are inputs, text ones ignored."""
    roles = []
    for index in range(len(table.columns) - 1):
        numeric = all(
            _is_number(row[index], table.decimal) or not row[index] for row in table.rows[:200]
        )
        roles.append("input" if numeric else "ignore")
    return [*roles, "target"]


def parse_number(cell: str, decimal: str = ".") -> float | None:
    """The number ``cell`` holds (NaN and infinities included), or None if it holds none.

    Stricter than ``float()``: ``1_000``, ``1 000`` and words are not numbers;
    with ``decimal`` "," a number is written ``1,52`` (and ``1.52`` is not one).
    """
    if NUMBER_PATTERNS[decimal].fullmatch(cell):
        return float(cell.replace(",", ".")) if decimal == "," else float(cell)
    if NOT_FINITE.fullmatch(cell):
        return float(cell)
    return None


def make_csv_dataset(table: CsvTable, roles, task=None) -> Dataset:
    """The Dataset that ``table``'s columns make in their ``roles``.

    Parameters
    ----------
    table : CsvTable
    roles : sequence of str
        One of :data:`ROLES` per column.
    task : {"classification", "regression"} or None
        None: classification when one target column holds text or at most
        :data:`MAX_NUMERIC_CLASSES` distinct whole numbers.

    Raises
    ------
    DataError
        Naming the row and column of the first cell that is empty, not a
        number, NaN or infinite; or when no column is an input or a target.
    """
    roles = list(roles)
    if len(roles) != len(table.columns) or not set(roles) <= set(ROLES):
        raise DataError(
            f"Give each of the {len(table.columns)} columns a role: "  # not translated: API misuse
            f"{', '.join(ROLES)}."
        )
    inputs = [k for k, role in enumerate(roles) if role == "input"]
    targets = [k for k, role in enumerate(roles) if role == "target"]
    if not inputs:
        message = translate("CsvData", "No column is an input: make at least one column an input.")
        raise DataError(message)
    if not targets:
        message = translate(
            "CsvData", "No column is a target: make the column to predict the target."
        )
        raise DataError(message)
    check_data_size(len(table.rows), len(inputs), len(targets))
    X = _numbers(table, inputs)
    labels = _class_labels(table, targets, task)
    feature_names = tuple(table.columns[k] for k in inputs)
    if labels is not None:
        y, class_names = labels
        check_data_size(len(table.rows), len(inputs), 1, len(class_names))  # before one-hot
        return make_dataset(
            table.name, _describe(table, len(inputs), classes=len(class_names)), X, y,
            feature_names=feature_names, class_names=class_names,
        )  # fmt: skip
    values = _numbers(table, targets)
    return make_dataset(
        table.name, _describe(table, len(inputs), targets=len(targets)), X, values,
        task="regression", feature_names=feature_names,
    )  # fmt: skip


def _describe(table: CsvTable, n_inputs: int, *, classes: int = 0, targets: int = 0) -> str:
    """The data set's description, made in the window's language (as a new network's name is)
    and kept so in the project: its classes, or its targets when it has none."""
    if classes:
        description = translate(
            "CsvData",
            "Imported from {name}: {samples} samples, {inputs} inputs, {classes} classes.",
        )
    elif targets == 1:
        description = translate(
            "CsvData", "Imported from {name}: {samples} samples, {inputs} inputs, 1 target."
        )
    else:
        description = translate(
            "CsvData",
            "Imported from {name}: {samples} samples, {inputs} inputs, {targets} targets.",
        )
    return description.format(
        name=table.name, samples=len(table.rows), inputs=n_inputs, classes=classes, targets=targets
    )


def _numbers(table: CsvTable, columns: list[int]) -> np.ndarray:
    """The cells of ``columns`` as floats, shape (n_rows, len(columns)), or a DataError."""
    values = np.empty((len(table.rows), len(columns)))
    for row, cells in enumerate(table.rows):
        for out, column in enumerate(columns):
            values[row, out] = _number(table, row, column, cells[column])
    return values


def _number(table: CsvTable, row: int, column: int, cell: str) -> float:
    where = table.where(row, column)
    if not cell:
        message = translate("CsvData", "{where} is empty: every cell needs a value.")
        raise DataError(message.format(where=where))
    value = parse_number(cell, table.decimal)
    if value is None:
        message = translate(
            "CsvData",
            "{where} holds {cell}, which is not a number (numbers are written like {example}, "
            "with a decimal {separator}). Make the column a target if it names classes, or "
            "ignore it.",
        )
        raise DataError(
            message.format(
                where=where, cell=repr(cell[:40]), example="1,5" if table.decimal == "," else "1.5",
                separator=translate("CsvData", DECIMALS[table.decimal]),
            )
        )  # fmt: skip
    if not math.isfinite(value):
        message = translate("CsvData", "{where} holds {cell}: use a finite number.")
        raise DataError(message.format(where=where, cell=repr(cell[:40])))
    return value


def _class_labels(table: CsvTable, targets: list[int], task):
    """(labels, class names) when the targets are classes, else None."""
    if task == "regression":
        return None
    text_columns = [
        k for k in targets if not all(_is_number(r[k], table.decimal) for r in table.rows)
    ]
    if len(targets) > 1:
        if task == "classification" or text_columns:
            message = translate(
                "CsvData",
                "Class names go in one target column; several target columns must all "
                "hold numbers (they are then predicted together, as regression).",
            )
            raise DataError(message)
        return None
    (column,) = targets
    cells = [row[column] for row in table.rows]
    for row, cell in enumerate(cells):
        if not cell:
            message = translate("CsvData", "{where} is empty: every sample needs a target.")
            raise DataError(message.format(where=table.where(row, column)))
    if not text_columns:
        cells = _numeric_labels(table.columns[column], cells, task, table.decimal)
        if cells is None:
            return None
    names = tuple(dict.fromkeys(sorted(cells, key=float) if not text_columns else cells))
    if len(names) < 2:
        message = translate(
            "CsvData", "Every target in {column} is {name}: a classifier needs 2 classes or more."
        )
        raise DataError(message.format(column=table.columns[column], name=repr(names[0][:40])))
    index = {name: k for k, name in enumerate(names)}
    return np.array([index[cell] for cell in cells]), names


def _numeric_labels(column: str, cells: list[str], task, decimal=".") -> list[str] | None:
    """Numbers as class names ("1", "2"), or None when they are regression values."""
    numbers = [parse_number(cell, decimal) for cell in cells]
    distinct = set(numbers)
    whole = all(math.isfinite(v) and v == int(v) for v in distinct)
    if task is None and not (whole and len(distinct) <= MAX_NUMERIC_CLASSES):
        return None
    if not whole:
        message = translate(
            "CsvData", "Class labels are names or whole numbers; {column} holds other numbers."
        )
        raise DataError(message.format(column=column))
    return [str(int(v)) for v in numbers]


def _is_number(cell: str, decimal: str = ".") -> bool:
    return parse_number(cell, decimal) is not None
