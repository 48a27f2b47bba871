"""The ``.nnsim`` project file (DESIGN.md section 6): UTF-8 JSON, written atomically.

A project holds the network document, the settings (data set, seed and
training parameters among them), the person's own data set if there is one
(inline), the trained weights and biases, the error history and a one-line
description, so opening it shows exactly what was saved and training on
gives the same numbers as if it had never stopped being open.  Floats are
written by ``json`` as their shortest exact text and read back bit for bit.
The file is strict JSON: in the error history, NaN (an epoch without a
validation error) is written as ``null`` and an infinite error as the
strings ``"Infinity"`` and ``"-Infinity"``; weights, biases and data are
always finite (saving refuses, saying why, if they are not).

Reading refuses, with a one-line message saying what is wrong, a file that
is not JSON, not an nnsim project, from a newer nnsim, edited into something
no network could be, or too big (see :mod:`nnsim.model.limits`); it reads
only a regular file, at most :data:`MAX_BYTES` of it (:mod:`nnsim.io.safe_read`).
Nothing already open is touched by a failed read.  Text that is not valid
Unicode (a lone surrogate such as ``"\\ud800"``) becomes U+FFFD as it is read.
Saving refuses what reading would refuse (a network too big, a file over
:data:`MAX_BYTES`), so a saved project always opens again.
"""

import itertools
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from nnsim.engine.datasets import Dataset
from nnsim.errors import NnsimError, ProjectFileError
from nnsim.io.exports import replacing
from nnsim.io.lessons import lesson_in_exercise, progress_from_dict, progress_to_dict
from nnsim.io.safe_read import display_name, read_limited, size_text, valid_unicode
from nnsim.model import NetworkDocument, compile
from nnsim.model.classroom import Classroom
from nnsim.model.lessons import LessonProgress
from nnsim.model.limits import check_network_size
from nnsim.model.memory import PatternMemory
from nnsim.model.serial import (
    MAX_INTEGER,
    document_from_dict,
    document_to_dict,
    is_number,
    number_array,
    settings_from_dict,
    shown,
)
from nnsim.model.serial_data import dataset_from_dict, dataset_to_dict
from nnsim.model.serial_memory import memory_from_dict, memory_to_dict
from nnsim.model.settings import CUSTOM, SPECS
from nnsim.model.view_settings import checked_view_settings
from nnsim.text import QT_TRANSLATE_NOOP, translate

FORMAT = "nnsim-project"
VERSION = 1
SUFFIX = ".nnsim"
#: A project bigger than this is surely not one (the digits example is ~2 MB).
MAX_BYTES = 200 * 1024 * 1024
HISTORY_COLUMNS = ("train", "validation", "accuracy")
#: Tables ("{"), lists ("[") and values (",") a project may hold, counted in its text
#: before it is parsed.  Each costs Python far more than its text ("[]," is 3 bytes of
#: text and 64 of memory; "{}," 3 and 64 to 200; "1.5," 4 and 32), so a hostile 200 MB
#: file of them would ask for 4 GB.  nnsim's own projects hold far fewer: a neuron is one
#: table, a connection or a sample one list.
MAX_JSON = {"{": 1_000_000, "[": 4_000_000, ",": 25_000_000}
#: What a project past MAX_JSON holds too many of, in words (translated where said).
TOO_MANY = {
    "{": QT_TRANSLATE_NOOP("Project", "{count} tables; nnsim projects hold at most {limit}"),
    "[": QT_TRANSLATE_NOOP("Project", "{count} lists; nnsim projects hold at most {limit}"),
    ",": QT_TRANSLATE_NOOP("Project", "{count} values; nnsim projects hold at most {limit}"),
}
#: Kept epochs in a history: nnsim keeps at most 2**16 and a few (LossHistory.MAX_POINTS).
MAX_HISTORY = 1_000_000
#: Non-finite history values as the file writes them; null is NaN (not measured).
NOT_FINITE = {"Infinity": np.inf, "-Infinity": -np.inf, "NaN": np.nan}
#: A JSON escape of a surrogate: where a lone one may hide (valid pairs are joined).
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass
class Project:
    """What a project file holds.

    Attributes
    ----------
    document : NetworkDocument
    settings : dict
        Values of :class:`~nnsim.model.settings.Settings`, by name.
    weights, biases : list of arrays, or None
        The trained network's (n_out, n_in) weight matrices and (n_out,)
        biases, in layer order; None before any training.
    history : dict of 1-D arrays
        "train", "validation" and "accuracy" per kept epoch (NaN where not
        measured), and "epochs", the epoch each belongs to (every epoch while a
        run is short; one in two, four, ... in a long one).
    data : Dataset or None
        The custom data set (imported), used when settings["dataset"] is "custom".
    description : str
        One line saying what the project shows (examples have one).
    memory : PatternMemory or None
        A Hopfield network's grid, pattern library and stored patterns.
    classroom : Classroom
        What the exercise fixes (nothing by default), and the lesson it comes with.
    lesson_progress : LessonProgress or None
        How far the student got in a lesson: their step and predictions.
    views : dict
        What the Analysis views were left showing (:mod:`nnsim.model.view_settings`).
    """

    document: NetworkDocument
    settings: dict
    weights: list[np.ndarray] | None = None
    biases: list[np.ndarray] | None = None
    history: dict[str, np.ndarray] = field(default_factory=dict)
    data: Dataset | None = None
    description: str = ""
    memory: PatternMemory | None = None
    classroom: Classroom = field(default_factory=Classroom)
    lesson_progress: LessonProgress | None = None
    views: dict = field(default_factory=dict)


def save_project(path, project: Project) -> None:
    """Write ``project`` to ``path`` (whole, or not at all).

    Raises
    ------
    ProjectFileError
        Saying why the project cannot be saved (weights that are not finite, a
        network or file too big to open again); nothing is written.
    ExportError
        When the file cannot be written (see :func:`~nnsim.io.exports.replacing`).
    """
    name = display_name(Path(path).name)
    try:
        document = project.document
        check_network_size(document.kind, document.layer_sizes, document.skip_layers())
        content = {
            "format": FORMAT,
            "version": VERSION,
            "document": document_to_dict(project.document),
            "settings": project.settings,
            "weights": _arrays_out(project.weights),
            "biases": _arrays_out(project.biases),
            "history": {
                **{c: _floats_out(project.history.get(c, ())) for c in HISTORY_COLUMNS},
                "epochs": [int(e) for e in project.history.get("epochs", ())],
            },
            "data": None if project.data is None else dataset_to_dict(project.data),
            "description": project.description,
            "memory": None if project.memory is None else memory_to_dict(project.memory),
            "classroom": project.classroom.to_dict(),
        }
        if project.lesson_progress is not None:  # (files without one stay as they were)
            content["lesson_progress"] = progress_to_dict(project.lesson_progress)
        if project.views:
            content["views"] = dict(project.views)
        text = json.dumps(content, allow_nan=False, indent=1, default=_plain_number)
    except NnsimError as exc:
        message = translate("Project", "{name} was not saved: {reason}")
        raise ProjectFileError(message.format(name=name, reason=_reason(exc))) from None
    except (TypeError, ValueError) as exc:
        message = translate(
            "Project", "{name} was not saved: it holds a value a project file cannot ({reason})."
        )
        raise ProjectFileError(message.format(name=name, reason=exc)) from None
    if len(text) > MAX_BYTES:
        message = translate(
            "Project",
            "{name} was not saved: it would be {size}, and nnsim opens projects of up to "
            "{limit}. Use less data or a smaller network.",
        )
        raise ProjectFileError(
            message.format(name=name, size=size_text(len(text)), limit=size_text(MAX_BYTES))
        )
    if problem := _too_many_parts(text):
        message = translate("Project", "{name} was not saved: it would hold {problem}.")
        raise ProjectFileError(message.format(name=name, problem=problem))
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8", errors="replace")  # ASCII: json escapes


def _plain_number(value):
    """A NumPy number as the Python one json writes (a value in settings, say)."""
    if isinstance(value, np.generic):
        return value.item()
    message = translate("Project", "{kind} is not a number or text")  # (said in "not saved: ...")
    raise TypeError(message.format(kind=type(value).__name__))


def load_project(path) -> Project:
    """Read a project; raise ProjectFileError saying what is wrong if it cannot be one."""
    name = display_name(Path(path).name)
    too_large = translate(
        "Project",
        "{name} is {size}, larger than any nnsim project ({limit} at most); it is not one.",
    )
    raw = read_limited(path, MAX_BYTES, too_large, ProjectFileError)
    if problem := _too_many_parts(raw):
        message = translate("Project", "{name} cannot be opened: it holds {problem}.")
        raise ProjectFileError(message.format(name=name, problem=problem))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = translate("Project", "{name} is not a text file, so not an nnsim project.")
        raise ProjectFileError(message.format(name=name)) from None
    del raw
    try:
        content = json.loads(text)
    except json.JSONDecodeError as exc:
        message = translate(
            "Project",
            "{name} is not a readable nnsim project: its text breaks off or is not JSON "
            "(line {line}, column {column}).",
        )
        raise ProjectFileError(
            message.format(name=name, line=exc.lineno, column=exc.colno)
        ) from None
    except RecursionError:
        message = translate(
            "Project", "{name} is not a readable nnsim project: its lists are nested too deeply."
        )
        raise ProjectFileError(message.format(name=name)) from None
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        message = translate(
            "Project", "{name} is not a readable nnsim project: it holds a number too long to read."
        )
        raise ProjectFileError(message.format(name=name)) from None
    if SURROGATE_ESCAPE.search(text):
        content = _valid_text(content)
    del text
    _check_header(content, name)
    try:
        return _project_from(content)
    except (NnsimError, KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
        message = translate("Project", "{name} cannot be opened: {reason}")
        raise ProjectFileError(message.format(name=name, reason=_reason(exc))) from None


def _too_many_parts(text: str | bytes) -> str:
    """What in ``text`` is past :data:`MAX_JSON` ("5,000,000 lists; ..."), or "" (translated)."""
    for mark, limit in MAX_JSON.items():
        count = text.count(mark if isinstance(text, str) else mark.encode())
        if count > limit:
            return translate("Project", TOO_MANY[mark]).format(
                count=f"{count:,}", limit=f"{limit:,}"
            )
    return ""


def _valid_text(content):
    """``content`` with every string (keys too) made valid Unicode: lone surrogates replaced."""

    def fixed(value):
        if isinstance(value, str):
            return valid_unicode(value)
        if isinstance(value, list | dict):
            pending.append(value)
        return value

    pending = []
    content = fixed(content)
    while pending:  # without recursion: JSON may nest as deep as its parser allows
        container = pending.pop()
        if isinstance(container, list):
            container[:] = [fixed(value) for value in container]
        else:
            items = [(fixed(key), fixed(value)) for key, value in container.items()]
            container.clear()
            container.update(items)
    return content


def _check_header(content, name: str) -> None:
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        message = translate("Project", "{name} is JSON but not an nnsim project.")
        raise ProjectFileError(message.format(name=name))
    version = content.get("version")
    if not is_number(version) or type(version) is not int or version < 1:
        message = translate("Project", "{name} has no valid project version.")
        raise ProjectFileError(message.format(name=name))
    if version > VERSION:
        message = translate(
            "Project",
            "{name} was saved by a newer nnsim (project version {version}; this one reads up to "
            "{readable}). Update nnsim to open it.",
        )
        raise ProjectFileError(message.format(name=name, version=shown(version), readable=VERSION))


def _project_from(content: dict) -> Project:
    document = document_from_dict(content["document"])
    values = settings_from_dict(content["settings"])
    data = content.get("data")
    data = None if data is None else dataset_from_dict(data)
    if values.get("dataset") == CUSTOM and data is None:
        raise ValueError(translate("Project", "its settings use custom data, but it holds none."))
    description = content.get("description", "")
    if not isinstance(description, str):
        raise ValueError(translate("Project", "its description is not text."))
    weights, biases = _arrays_in(content.get("weights"), 2), _arrays_in(content.get("biases"), 1)
    if weights is not None:
        _check_fit(document, weights, biases)
    history = _history_in(content["history"])
    memory = content.get("memory")
    memory = None if memory is None else memory_from_dict(memory)
    if memory is not None and (
        document.kind != "hopfield" or document.grid != (memory.rows, memory.columns)
    ):
        raise ValueError(translate("Project", "its pattern memory does not fit its network."))
    classroom = _classroom_in(content.get("classroom", {}))
    progress = content.get("lesson_progress")
    progress = None if progress is None else progress_from_dict(progress)
    views = checked_view_settings(content.get("views", {}))
    return Project(
        document, values, weights, biases, history, data, description, memory, classroom, progress,
        views,
    )  # fmt: skip


def _history_in(saved) -> dict[str, np.ndarray]:
    """The error history's columns, each checked; epochs rising whole numbers."""
    if not isinstance(saved, dict):
        raise ValueError(translate("Project", "the error history is not a table of named columns."))
    history = {name: _floats_in(saved.get(name, [])) for name in HISTORY_COLUMNS}
    epochs = saved.get("epochs") or list(range(1, len(history["train"]) + 1))
    if not (
        isinstance(epochs, list)
        and all(type(e) is int and 0 < e < MAX_INTEGER for e in epochs)
        and all(a < b for a, b in itertools.pairwise(epochs))
    ):
        raise ValueError(
            translate("Project", "the error history's epochs are not rising whole numbers.")
        )
    history["epochs"] = np.array(epochs, dtype=np.int64)
    if len({len(column) for column in history.values()}) > 1:
        raise ValueError(translate("Project", "the error history's columns differ in length."))
    return history


def _classroom_in(saved) -> Classroom:
    if isinstance(saved, dict):
        for key in ("frozen", "hidden"):
            names = saved.get(key, [])
            if not isinstance(names, list) or not all(
                isinstance(n, str) and n in SPECS for n in names
            ):
                message = translate(
                    "Project", "the classroom's {key} settings are not names of settings."
                )
                raise ValueError(message.format(key=key))
    classroom = Classroom.from_dict(saved)
    lesson = saved.get("lesson")
    return classroom if lesson is None else replace(classroom, lesson=lesson_in_exercise(lesson))


def _check_fit(document: NetworkDocument, weights, biases) -> None:
    """Refuse weights whose shapes are not the network's (compiled from the document)."""
    compiled = compile(document, rng=0)
    wanted = [w.shape for w in compiled.weight_matrices()]
    if [w.shape for w in weights] != wanted:
        message = translate(
            "Project", "its weights do not fit its network (the layers have other sizes)."
        )
        raise ValueError(message)
    wanted_biases = [b.shape for b in compiled.bias_vectors()]
    if biases is None or [b.shape for b in biases] != wanted_biases:
        raise ValueError(translate("Project", "its biases do not fit its network."))


def _reason(exc: Exception) -> str:
    """Why a project could not be read or saved, in one line ending in a full stop (translated:
    the messages raised here are, and a KeyError names the missing key)."""
    if isinstance(exc, KeyError):
        return translate("Project", "it has no {key}.").format(key=shown(exc.args[0]))
    if isinstance(exc, RecursionError):
        return translate("Project", "its lists are nested too deeply.")
    if isinstance(exc, OverflowError):
        return translate("Project", "it holds a number too large to be one.")
    text = " ".join(str(exc).split())  # one line
    text = text if len(text) <= 300 else text[:297] + "..."
    return text if text.endswith(".") else text + "."


def _arrays_out(arrays):
    if arrays is None:
        return None
    arrays = [np.asarray(a, dtype=float) for a in arrays]
    if not all(np.isfinite(a).all() for a in arrays):
        message = translate(
            "Project",
            "the network's weights hold values that are not finite (training diverged): "
            "choose Train > Reset Weights, then save.",
        )
        raise ProjectFileError(message)
    return [a.tolist() for a in arrays]


def _arrays_in(lists, dimensions: int):
    """Weight matrices (``dimensions`` 2) or bias vectors (1): finite numbers, or ValueError."""
    if lists is None:
        return None
    if dimensions == 2:
        not_numbers = translate("Project", "its weights are not tables of numbers.")
    else:
        not_numbers = translate("Project", "its biases are not lists of numbers.")
    if not isinstance(lists, list):
        raise ValueError(not_numbers)
    arrays = []
    for values in lists:
        array = number_array(values, (dimensions,)) if values != [] else np.empty(0)
        if array is None or (array.ndim != dimensions and array.size):
            raise ValueError(not_numbers)
        arrays.append(array)
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError(
            translate("Project", "its weights hold values that are not finite numbers.")
        )
    return arrays


def _floats_out(values) -> list:
    """A history column for the file: null for NaN, "Infinity" or "-Infinity" for the infinite."""
    out = np.asarray(values, dtype=float).tolist()
    if np.isfinite(out).all():
        return out
    return [v if np.isfinite(v) else None if v != v else repr(v).replace("inf", "Infinity")
            for v in out]  # fmt: skip


def _floats_in(values) -> np.ndarray:
    not_numbers = translate("Project", "the error history is not a list of numbers.")
    if not isinstance(values, list):
        raise ValueError(not_numbers)
    if len(values) > MAX_HISTORY:
        message = translate(
            "Project", "its error history holds {count} epochs; nnsim keeps at most {limit}."
        )
        raise ValueError(message.format(count=f"{len(values):,}", limit=f"{MAX_HISTORY:,}"))
    numbers = []
    for value in values:
        if value is None:
            numbers.append(np.nan)
        elif is_number(value):
            numbers.append(value)
        elif isinstance(value, str) and value in NOT_FINITE:
            numbers.append(NOT_FINITE[value])
        else:
            raise ValueError(not_numbers)
    return np.array(numbers, dtype=np.float64)
